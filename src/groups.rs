//! Hot questions: questions grouped online by meaning (多少钱 / 什么价 / 价格多少 → one group), each
//! with its count, unique askers, first/last seen, trend, a representative text and examples.
//!
//! Bounded: at most `MAX_GROUPS` groups (the coldest unanswered one is dropped for a new one, one-offs
//! before recurring ones), at most `MAX_VARIANTS` texts per group, and askers counted in a `Distinct`
//! sketch. A recurring group that is dropped is kept aside for the session report (at most
//! `MAX_RETIRED`, the most asked), so a long stream's report still lists what its first hour asked.

mod candidates;
mod merge;
mod retired;

use crate::intent::Intent;
use crate::similar::{self, Shape, Signature};
use crate::sketch::{DecayClock, Distinct, hash64, total_order};
use candidates::keep_best;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use merge::MAX_TAUGHT;

pub const MAX_GROUPS: usize = 128;
/// Recurring groups (asked twice or more) protected from eviction by one-offs: half the groups.
const KEPT_RECURRING: usize = MAX_GROUPS / 2;
const MAX_VARIANTS: usize = 8;
/// Dropped recurring groups kept for `all_time`: more than the report lists (20).
const MAX_RETIRED: usize = 32;
const MAX_CANDIDATES: usize = 12;
const HOT_HALF_LIFE_MS: f64 = 3.0 * 60_000.0;
const BASE_HALF_LIFE_MS: f64 = 15.0 * 60_000.0;
/// An answered question resurfaces when asked again this long after the host answered it (askers
/// who typed while the host was answering do not count).
const RESURFACE_AFTER_MS: i64 = 15_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Group {
    id: u32,
    seed: Signature,
    intents: FxHashMap<Intent, u32>,
    variants: Vec<(String, u32)>,
    count: u64,
    users: Distinct,
    first_ms: i64,
    last_ms: i64,
    hot: f64,
    base: f64,
    answered_ms: Option<i64>,
    flood: bool,
    /// The seeds of groups the host merged into this one (`merge.rs`): a question that matches any
    /// of them joins this group, as one that matches `seed` does.
    aliases: Vec<Signature>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HotQuestion {
    pub id: u32,
    /// The most common wording in the group.
    pub text: String,
    pub count: u64,
    pub users: u64,
    pub intent: Intent,
    pub first_ms: i64,
    pub last_ms: i64,
    /// Asked notably more in the last few minutes than before.
    pub rising: bool,
    pub answered: bool,
    /// The same text was flooded by many viewers.
    pub flood: bool,
    pub examples: Vec<String>,
    /// Decayed unique askers: what the live ranking uses.
    pub heat: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Groups {
    groups: Vec<Group>,
    next_id: u32,
    hot_clock: DecayClock,
    base_clock: DecayClock,
    started_ms: Option<i64>,
    /// Recurring groups dropped from `groups`, for `all_time` only.
    retired: Vec<Group>,
    /// hash64(feature: concept, word or number) → indices into `groups`; rebuilt after a restore. A
    /// hash collision only adds a candidate that the score then rejects.
    #[serde(skip)]
    index: FxHashMap<u64, Vec<u32>>,
    /// Reused by `best_match`: features shared per group, and the candidates.
    #[serde(skip)]
    shared: Vec<u8>,
    #[serde(skip)]
    candidates: Vec<(u8, usize)>,
    /// The pair model's view of each group's seed, by index into `groups`; rebuilt after a restore.
    #[serde(skip)]
    shapes: Vec<Shape>,
    /// The same for each group's `aliases` (empty for a group nobody merged into).
    #[serde(skip)]
    alias_shapes: Vec<Vec<Shape>>,
    /// Pairs of wordings the host merged in earlier streams (`merge.rs`, `teach`).
    taught: Vec<(Signature, Signature)>,
    #[serde(skip)]
    taught_shapes: Vec<(Shape, Shape)>,
}

impl Default for Groups {
    fn default() -> Self {
        Groups {
            groups: Vec::new(),
            next_id: 1,
            hot_clock: DecayClock::new(HOT_HALF_LIFE_MS),
            base_clock: DecayClock::new(BASE_HALF_LIFE_MS),
            started_ms: None,
            retired: Vec::new(),
            index: FxHashMap::default(),
            shared: Vec::new(),
            candidates: Vec::new(),
            shapes: Vec::new(),
            alias_shapes: Vec::new(),
            taught: Vec::new(),
            taught_shapes: Vec::new(),
        }
    }
}

impl Groups {
    pub fn after_restore(&mut self) {
        self.rebuild_index();
    }

    fn rebuild_index(&mut self) {
        self.index.clear();
        self.shapes = self.groups.iter().map(|g| Shape::of(&g.seed)).collect();
        self.alias_shapes = self.groups.iter().map(|g| g.aliases.iter().map(Shape::of).collect()).collect();
        self.taught_shapes = self.taught.iter().map(|(a, b)| (Shape::of(a), Shape::of(b))).collect();
        for i in 0..self.groups.len() {
            self.index_group(i);
        }
    }

    /// Adds one question; returns its group id.
    pub fn add(&mut self, text: &str, sig: &Signature, intent: Intent, user: u64, flood: bool, now_ms: i64) -> u32 {
        self.started_ms.get_or_insert(now_ms);
        if let Some(f) = self.hot_clock.rebase(now_ms) {
            self.groups.iter_mut().chain(self.retired.iter_mut()).for_each(|g| g.hot /= f);
        }
        if let Some(f) = self.base_clock.rebase(now_ms) {
            self.groups.iter_mut().chain(self.retired.iter_mut()).for_each(|g| g.base /= f);
        }
        // The pair model's view of the question, when scoring needed it: a new group keeps it.
        let mut shape = None;
        let idx = match self.best_match(sig, &mut shape) {
            Some(i) => i,
            None => self.create(sig.clone(), shape, now_ms),
        };
        let (hb, bb) = (self.hot_clock.boost(now_ms), self.base_clock.boost(now_ms));
        let g = &mut self.groups[idx];
        let new_asker = g.users.insert(user);
        g.count += 1;
        g.last_ms = now_ms;
        g.flood |= flood;
        if new_asker {
            g.hot += hb;
            g.base += bb;
        }
        *g.intents.entry(intent).or_default() += 1;
        if let Some(v) = g.variants.iter_mut().find(|v| v.0 == text) {
            v.1 += 1;
        } else if g.variants.len() < MAX_VARIANTS {
            g.variants.push((text.to_string(), 1));
        }
        if g.answered_ms.is_some_and(|t| now_ms - t >= RESURFACE_AFTER_MS) {
            g.answered_ms = None;
        }
        g.id
    }

    /// The group this question belongs to, if any. Candidates are the groups sharing the most
    /// features with it (at most `MAX_CANDIDATES` are scored), so a question costs the same however
    /// many groups exist.
    fn best_match(&mut self, sig: &Signature, shape: &mut Option<Shape>) -> Option<usize> {
        // `shared` is all zeros between questions; the groups a feature reaches are listed once each
        // as they are first reached, so a question costs what it shares, not what the room holds.
        let (shared, candidates) = (&mut self.shared, &mut self.candidates);
        shared.resize(self.groups.len(), 0);
        candidates.clear();
        for f in sig.features() {
            for &i in self.index.get(&hash64(f)).map(Vec::as_slice).unwrap_or(&[]) {
                let n = &mut shared[i as usize];
                if *n == 0 {
                    candidates.push((0, i as usize));
                }
                *n = n.saturating_add(1);
            }
        }
        if candidates.is_empty() && sig.features().next().is_none() {
            // Nothing but fillers (在吗, 有吗?): only an identical shape can match.
            for (i, g) in self.groups.iter().enumerate() {
                if std::iter::once(&g.seed).chain(&g.aliases).any(|s| s.features().next().is_none()) {
                    shared[i] = 1;
                    candidates.push((0, i));
                }
            }
        }
        // Listed by index (`keep_best` and the tie-break below prefer the lowest), with their counts.
        candidates.sort_unstable_by_key(|c| c.1);
        candidates.iter_mut().for_each(|c| c.0 = std::mem::take(&mut shared[c.1]));
        if candidates.len() > MAX_CANDIDATES {
            keep_best(candidates, MAX_CANDIDATES);
        }
        if candidates.is_empty() {
            return None;
        }
        let shape = &*shape.insert(Shape::of(sig));
        let (groups, shapes, alias_shapes) = (&self.groups, &self.shapes, &self.alias_shapes);
        // A seed's score counts when it reaches that seed's bar; a merged group's best seed speaks for it.
        let passing = |seed: &Signature, seed_shape: &Shape| similar::same_shaped((sig, shape), (seed, seed_shape));
        candidates
            .iter()
            .filter_map(|&(_, i)| {
                let g = &groups[i];
                let aliases = g.aliases.iter().zip(&alias_shapes[i]).filter_map(|(a, sh)| passing(a, sh));
                passing(&g.seed, &shapes[i]).into_iter().chain(aliases).max_by(f64::total_cmp).map(|s| (i, s))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }

    fn create(&mut self, sig: Signature, shape: Option<Shape>, now_ms: i64) -> usize {
        let shape = shape.unwrap_or_else(|| Shape::of(&sig));
        // What the host taught in earlier streams (`merge.rs`): none in most rooms.
        let aliases = if self.taught.is_empty() { Vec::new() } else { self.taught_aliases(&sig, &shape) };
        let alias_shapes: Vec<Shape> = aliases.iter().map(Shape::of).collect();
        let g = Group {
            id: self.next_id,
            seed: sig,
            intents: FxHashMap::default(),
            variants: Vec::new(),
            count: 0,
            users: Distinct::new(256),
            first_ms: now_ms,
            last_ms: now_ms,
            hot: 0.0,
            base: 0.0,
            answered_ms: None,
            flood: false,
            aliases,
        };
        self.next_id += 1;
        if self.groups.len() < MAX_GROUPS {
            self.groups.push(g);
            self.shapes.push(shape);
            self.alias_shapes.push(alias_shapes);
            let i = self.groups.len() - 1;
            self.index_group(i);
            return i;
        }
        // Drop the coldest group, preferring answered ones. A question asked more than once outlives
        // any one-off while at most `KEPT_RECURRING` groups are recurring: one-offs arrive all the
        // time and would otherwise push out, within minutes, what a room kept asking — which the
        // session report (`all_time`) is for. The other half of the groups stays free for new asks.
        let protect = self.groups.iter().filter(|g| g.count >= 2).count() <= KEPT_RECURRING;
        let victim = (0..self.groups.len())
            .min_by_key(|&i| {
                // (unanswered, protected, hot) packed into one integer that orders as the tuple: a
                // tuple's comparison was most of this scan's cost, which every new group pays.
                let g = &self.groups[i];
                let hot = total_order(g.hot) as u64 ^ 1 << 63;
                (g.answered_ms.is_none() as u128) << 65 | ((protect && g.count >= 2) as u128) << 64 | hot as u128
            })
            .expect("MAX_GROUPS > 0");
        self.unindex_group(victim);
        let dropped = std::mem::replace(&mut self.groups[victim], g);
        self.shapes[victim] = shape;
        self.alias_shapes[victim] = alias_shapes;
        self.index_group(victim);
        if dropped.count >= 2 {
            self.retire(dropped);
        }
        victim
    }

    /// Marks a group answered: it leaves the live list until someone asks it again.
    pub fn mark_answered(&mut self, id: u32, now_ms: i64) -> bool {
        match self.groups.iter_mut().find(|g| g.id == id) {
            Some(g) => {
                g.answered_ms = Some(now_ms);
                true
            }
            None => false,
        }
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The live list: unanswered groups by decayed unique askers.
    pub fn hot(&self, n: usize, now_ms: i64) -> Vec<HotQuestion> {
        let hb = self.hot_clock.boost(now_ms);
        let mut v: Vec<HotQuestion> =
            self.groups.iter().filter(|g| g.answered_ms.is_none()).map(|g| self.view(g, now_ms, hb)).collect();
        v.sort_by(|a, b| b.heat.total_cmp(&a.heat).then(b.count.cmp(&a.count)).then(a.id.cmp(&b.id)));
        v.truncate(n);
        v
    }

    fn view(&self, g: &Group, now_ms: i64, hb: f64) -> HotQuestion {
        let bb = self.base_clock.boost(now_ms);
        let (hot, base) = (g.hot / hb, g.base / bb);
        let elapsed = self.started_ms.map_or(0, |s| now_ms - s);
        let ratio = self.hot_clock.rate(hot, elapsed) / self.base_clock.rate(base, elapsed).max(1e-15);
        let warm = elapsed >= 3 * 60_000;
        let mut variants = g.variants.clone();
        // Most used wording first; ties keep the order of first use (stable sort).
        variants.sort_by_key(|v| std::cmp::Reverse(v.1));
        let intent = g.intents.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or(Intent::Other, |(i, _)| *i);
        HotQuestion {
            id: g.id,
            text: variants.first().map(|v| v.0.clone()).unwrap_or_default(),
            count: g.count,
            users: g.users.count(),
            intent,
            first_ms: g.first_ms,
            last_ms: g.last_ms,
            rising: warm && hot >= 3.0 && ratio >= 1.8,
            answered: g.answered_ms.is_some(),
            flood: g.flood,
            examples: variants.iter().take(5).map(|v| v.0.clone()).collect(),
            heat: crate::keywords::round1(hot),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    pub(super) fn add(g: &mut Groups, text: &str, user: u64, t: i64) -> u32 {
        let c = crate::clean::clean(text).text.to_lowercase();
        let intent = crate::intent::classify(&c);
        g.add(&c, &similar::question_signature(&c, &cut(&c), intent), intent, user, false, t)
    }

    #[test]
    fn paraphrases_group_and_users_count_once() {
        let mut g = Groups::default();
        let a = add(&mut g, "多少钱", 1, 1000);
        assert_eq!(add(&mut g, "什么价格", 2, 2000), a);
        assert_eq!(add(&mut g, "价格多少", 3, 3000), a);
        assert_eq!(add(&mut g, "多少钱", 1, 4000), a);
        let b = add(&mut g, "有没有s码", 4, 5000);
        assert_ne!(a, b);
        let hot = g.hot(5, 6000);
        assert_eq!(hot[0].id, a);
        assert_eq!((hot[0].count, hot[0].users), (4, 3));
        assert_eq!(hot[0].text, "多少钱");
        assert_eq!(hot[0].intent, Intent::Price);
    }

    #[test]
    fn answered_hides_until_asked_again() {
        let mut g = Groups::default();
        let a = add(&mut g, "链接呢", 1, 1000);
        assert!(g.mark_answered(a, 2000));
        assert!(g.hot(5, 3000).is_empty());
        add(&mut g, "链接在哪", 2, 5000);
        assert!(g.hot(5, 6000).is_empty(), "asked while the host answered: still answered");
        add(&mut g, "怎么买", 3, 30_000);
        assert_eq!(g.hot(5, 31_000)[0].id, a);
    }

    #[test]
    fn bounded() {
        let mut g = Groups::default();
        for i in 0..1000 {
            add(&mut g, &format!("{i}号多少钱"), i, i as i64 * 10);
        }
        assert!(g.len() <= MAX_GROUPS);
    }

    #[test]
    fn a_recurring_question_outlives_later_one_offs() {
        let mut g = Groups::default();
        let a = add(&mut g, "几点下播", 1, 0);
        add(&mut g, "什么时候下播", 2, 1000);
        // An hour of distinct one-off questions (each names its own number, so none groups).
        for i in 0..600u64 {
            add(&mut g, &format!("{i}号多少钱"), 10 + i, 2000 + i as i64 * 6000);
        }
        let all = g.all_time(3, 3_700_000);
        assert_eq!((all[0].id, all[0].count, all[0].users), (a, 2, 2));
        assert!(g.len() <= MAX_GROUPS);
    }
}
