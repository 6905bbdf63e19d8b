//! The host's correction: two groups that ask the same thing in words the grouping does not know
//! as the same (洗完会缩水吗 / 洗了会不会变小) are merged by hand. The merged group keeps the other
//! group's askers, counts and wordings, and its seed as an alias, so the next viewer who asks in
//! those words joins the merged group instead of starting the split again.
//!
//! A merge also outlives the stream when the front end keeps it: `teach` gives a new room the
//! pairs of wordings merged in earlier ones, and a group whose seed asks like one side of a pair
//! starts with the other side as its alias.

use super::{Group, Groups};
use crate::similar::{self, Shape, Signature};

/// Aliases a group keeps at most: each is scored against every question that reaches the group.
pub(super) const MAX_ALIASES: usize = 8;
/// Taught pairs a room keeps at most: each is scored against every new group's seed.
pub const MAX_TAUGHT: usize = 32;

impl Groups {
    /// Merges the live group `from` into the live group `into`. False (nothing changes) when either
    /// is not a live group or they are the same group.
    pub fn merge(&mut self, from: u32, into: u32) -> bool {
        let position = |id| self.groups.iter().position(|g| g.id == id);
        let (Some(f), Some(t)) = (position(from), position(into)) else { return false };
        if f == t {
            return false;
        }
        // Rare and asked for by a person: the index is simply rebuilt over the groups that remain.
        let gone = self.groups.remove(f);
        let g = &mut self.groups[if f < t { t - 1 } else { t }];
        g.absorb(&gone);
        // Still unanswered if either was: the other group's askers have not been answered.
        g.answered_ms = g.answered_ms.zip(gone.answered_ms).map(|(a, b)| a.max(b));
        let Group { seed, aliases, .. } = gone;
        for alias in std::iter::once(seed).chain(aliases) {
            if g.aliases.len() < MAX_ALIASES && alias != g.seed && !g.aliases.contains(&alias) {
                g.aliases.push(alias);
            }
        }
        self.rebuild_index();
        true
    }

    /// Remembers that `a` and `b` ask the same thing (a merge of an earlier stream): from now on a
    /// new group seeded like one starts with the other as its alias. False for a pair already
    /// known or two identical signatures; past `MAX_TAUGHT`, the oldest pair goes.
    pub fn teach(&mut self, a: Signature, b: Signature) -> bool {
        if a == b || self.taught.iter().any(|(x, y)| (x, y) == (&a, &b) || (x, y) == (&b, &a)) {
            return false;
        }
        if self.taught.len() == MAX_TAUGHT {
            self.taught.remove(0);
            self.taught_shapes.remove(0);
        }
        self.taught_shapes.push((Shape::of(&a), Shape::of(&b)));
        self.taught.push((a, b));
        true
    }

    /// The other sides of the taught pairs whose one side the seed `sig` matches.
    pub(super) fn taught_aliases(&self, sig: &Signature, shape: &Shape) -> Vec<Signature> {
        let matches = |x: &Signature, sx: &Shape| similar::same_shaped((sig, shape), (x, sx)).is_some();
        let mut out: Vec<Signature> = Vec::new();
        for ((a, b), (sa, sb)) in self.taught.iter().zip(&self.taught_shapes) {
            let other = if matches(a, sa) {
                b
            } else if matches(b, sb) {
                a
            } else {
                continue;
            };
            if out.len() < MAX_ALIASES && other != sig && !out.contains(other) {
                out.push(other.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::add;
    use super::super::*;
    use super::{MAX_ALIASES, MAX_TAUGHT};

    #[test]
    fn a_merged_group_counts_both_and_takes_the_other_wording_in() {
        let mut g = Groups::default();
        let shrink = add(&mut g, "洗完会缩水吗", 1, 1000);
        add(&mut g, "洗完会缩水吗", 2, 2000);
        let smaller = add(&mut g, "洗了会不会变小", 3, 3000);
        add(&mut g, "洗了会不会变小", 1, 4000);
        assert_ne!(shrink, smaller, "the grouping does not know these words as one ask");
        let other = add(&mut g, "有没有s码", 4, 5000);

        assert!(g.merge(smaller, shrink));
        let hot = g.hot(5, 6000);
        assert_eq!(hot.len(), 2);
        let q = hot.iter().find(|q| q.id == shrink).expect("the merged group is listed");
        assert_eq!((q.count, q.users), (4, 3), "viewer 1 asked both ways: counted once");
        assert_eq!(q.examples, ["洗完会缩水吗", "洗了会不会变小"]);
        assert!(hot.iter().all(|q| q.id != smaller));

        // The merged-away wording now joins the merged group; other asks still do not.
        assert_eq!(add(&mut g, "洗了会不会变小", 5, 7000), shrink);
        assert_eq!(add(&mut g, "洗了会变小吗", 6, 8000), shrink);
        assert_eq!(add(&mut g, "有没有s码", 7, 9000), other);
        assert_ne!(add(&mut g, "洗了会掉色吗", 8, 10_000), shrink);
    }

    #[test]
    fn merging_a_missing_or_the_same_group_changes_nothing() {
        let mut g = Groups::default();
        let a = add(&mut g, "多少钱", 1, 1000);
        assert!(!g.merge(a, a));
        assert!(!g.merge(a, 999));
        assert!(!g.merge(999, a));
        assert_eq!(g.hot(5, 2000)[0].count, 1);
    }

    #[test]
    fn an_unanswered_group_merged_into_an_answered_one_shows_again() {
        let mut g = Groups::default();
        let a = add(&mut g, "保质期多久", 1, 1000);
        let b = add(&mut g, "能放多长时间", 2, 2000);
        assert_ne!(a, b);
        assert!(g.mark_answered(a, 3000));
        assert!(g.merge(b, a));
        assert_eq!(g.hot(5, 4000)[0].id, a);
    }

    #[test]
    fn aliases_survive_a_checkpoint_and_are_bounded() {
        let mut g = Groups::default();
        let into = add(&mut g, "保质期多久", 1, 0);
        let wordings = [
            "能放多长时间",
            "多久会过期",
            "最长能存几个月",
            "放几天会坏",
            "可以存多久",
            "几天内要吃完",
            "过期时间是多久",
            "开封后能放多久",
            "冷冻能放几天",
            "常温放几天",
        ];
        for (i, w) in wordings.iter().enumerate() {
            let id = add(&mut g, w, 10 + i as u64, 1000 * (i as i64 + 1));
            g.merge(id, into);
        }
        assert!(g.groups.iter().all(|x| x.aliases.len() <= MAX_ALIASES));
        let bytes = postcard::to_stdvec(&g).unwrap();
        let mut back: Groups = postcard::from_bytes(&bytes).unwrap();
        back.after_restore();
        assert_eq!(add(&mut back, "能放多长时间", 99, 60_000), into);
    }

    #[test]
    fn a_taught_pair_joins_its_wordings_in_a_new_room() {
        let sig = |text: &str| {
            let c = crate::clean::clean(text).text;
            let intent = crate::intent::classify(&c);
            crate::similar::question_signature(&c, &crate::tokenize::cut(&c), intent)
        };
        let mut g = Groups::default();
        assert!(g.teach(sig("洗了会不会变小"), sig("洗完会缩水吗")));
        assert!(!g.teach(sig("洗完会缩水吗"), sig("洗了会不会变小")), "known either way round");
        let shrink = add(&mut g, "洗完会缩水吗", 1, 1000);
        assert_eq!(add(&mut g, "洗了会不会变小", 2, 2000), shrink);
        assert_ne!(add(&mut g, "洗了会掉色吗", 3, 3000), shrink);
        // Taught pairs are room state (a restarted worker keeps them) and bounded.
        let bytes = postcard::to_stdvec(&g).unwrap();
        let mut back: Groups = postcard::from_bytes(&bytes).unwrap();
        back.after_restore();
        for i in 0..40 {
            back.teach(sig(&format!("{i}号多少钱")), sig(&format!("{i}号什么价")));
        }
        assert_eq!(back.taught.len(), MAX_TAUGHT);
        assert_eq!(back.taught_shapes.len(), MAX_TAUGHT);
    }
}
