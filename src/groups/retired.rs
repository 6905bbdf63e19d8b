//! The session report's memory of dropped groups: a recurring group that `create` drops for room is
//! kept aside (at most `MAX_RETIRED`, the most asked), and `all_time` counts it, merged with the live
//! group that took up its ask.

use super::{Group, Groups, HotQuestion, MAX_RETIRED, MAX_VARIANTS};
use crate::similar::{self, Shape};

impl Group {
    /// Takes in an earlier group of the same ask: its askers, counts, wordings and times.
    pub(super) fn absorb(&mut self, old: &Group) {
        self.users.merge(&old.users);
        self.count += old.count;
        self.first_ms = self.first_ms.min(old.first_ms);
        self.last_ms = self.last_ms.max(old.last_ms);
        self.hot += old.hot;
        self.base += old.base;
        self.flood |= old.flood;
        for (intent, n) in &old.intents {
            *self.intents.entry(*intent).or_default() += n;
        }
        for (text, n) in &old.variants {
            match self.variants.iter_mut().find(|v| &v.0 == text) {
                Some(v) => v.1 += n,
                None => self.variants.push((text.clone(), *n)),
            }
        }
        self.variants.sort_by_key(|v| std::cmp::Reverse(v.1));
        self.variants.truncate(MAX_VARIANTS);
    }
}

impl Groups {
    /// Keeps a dropped recurring group for the report; past `MAX_RETIRED`, the least asked goes.
    pub(super) fn retire(&mut self, g: Group) {
        self.retired.push(g);
        if self.retired.len() > MAX_RETIRED {
            let least = (0..self.retired.len())
                .min_by_key(|&i| {
                    (self.retired[i].users.count(), self.retired[i].count, std::cmp::Reverse(self.retired[i].id))
                })
                .expect("not empty");
            self.retired.swap_remove(least);
        }
    }

    /// The report: every group, and those dropped while recurring, by unique askers, then count. A
    /// dropped group whose ask came back is counted with the group that took it up.
    pub fn all_time(&self, n: usize, now_ms: i64) -> Vec<HotQuestion> {
        let hb = self.hot_clock.boost(now_ms);
        let (mut all, mut shapes) = (self.groups.clone(), self.shapes.clone());
        for r in &self.retired {
            let (sig, shape) = (&r.seed, Shape::of(&r.seed));
            let same = all
                .iter()
                .zip(&shapes)
                .position(|(g, gs)| similar::same_shaped((sig, &shape), (&g.seed, gs)).is_some());
            match same {
                Some(i) => all[i].absorb(r),
                None => {
                    all.push(r.clone());
                    shapes.push(shape);
                }
            }
        }
        let mut v: Vec<HotQuestion> = all.iter().map(|g| self.view(g, now_ms, hb)).collect();
        v.sort_by(|a, b| b.users.cmp(&a.users).then(b.count.cmp(&a.count)).then(a.id.cmp(&b.id)));
        v.truncate(n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::add;
    use super::super::*;

    /// More recurring asks than the groups keep: the report still counts the first hour's, and one
    /// that comes back after it was dropped is one entry.
    #[test]
    fn the_report_keeps_dropped_recurring_questions() {
        let mut g = Groups::default();
        let first = add(&mut g, "几点下播", 1, 0);
        for u in 2..6 {
            add(&mut g, "几点下播", u, u as i64 * 1000);
        }
        // Two hundred recurring asks later (each twice, each its own number), the first is dropped.
        for i in 0..200u64 {
            for k in 0..2 {
                add(&mut g, &format!("{i}号多少钱"), 100 + 2 * i + k, 10_000 + (2 * i + k) as i64 * 6000);
            }
        }
        assert!(g.hot(MAX_GROUPS, 2_500_000).iter().all(|q| q.id != first), "dropped from the live groups");
        let all = g.all_time(3, 2_500_000);
        assert_eq!((all[0].id, all[0].count, all[0].users), (first, 5, 5));
        // Asked again by two viewers, one of them new: one entry, askers counted once.
        add(&mut g, "什么时候下播", 1, 2_600_000);
        add(&mut g, "几点下播", 99, 2_601_000);
        let all = g.all_time(3, 2_700_000);
        assert_eq!((all[0].count, all[0].users), (7, 6));
        assert!(all[1].count <= 2);
        assert!(g.retired.len() <= MAX_RETIRED);
    }
}
