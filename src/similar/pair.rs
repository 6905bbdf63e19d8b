//! The features and the model of a question pair. Overlaps (words, characters, bigrams, longest common
//! subsequence, length) say how much two questions share; hashed ids of the words and characters that
//! differ, and of mismatched question kinds and concepts, let the model learn which differences change
//! the question (手机 / 电脑, 多少 / 为什么) and which do not (怎么 / 如何 fold to one kind anyway).

use super::{MAX_CHARS, Signature};
use crate::sentiment::linear::{Hasher, MAX_OUTPUTS, Model, Ns};
use std::sync::OnceLock;

/// Number of dense features, in the order `features` returns them.
pub const DENSE: usize = 8;

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::parse("similar.bin", include_bytes!("../data/similar.bin")))
}

/// Sorted, deduplicated items into a fixed buffer (no allocation per pair); returns the count.
fn set_of<T: Ord + Copy>(items: impl Iterator<Item = T>, buf: &mut [T; MAX_CHARS]) -> usize {
    let mut n = 0;
    for x in items.take(MAX_CHARS) {
        buf[n] = x;
        n += 1;
    }
    buf[..n].sort_unstable();
    let mut m = 0;
    for i in 0..n {
        if m == 0 || buf[m - 1] != buf[i] {
            buf[m] = buf[i];
            m += 1;
        }
    }
    m
}

/// Walks two sorted sets together: `f(item, in_a, in_b)`; returns the size of the intersection.
fn merge<T: Ord>(a: &[T], b: &[T], mut f: impl FnMut(&T, bool, bool)) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() || j < b.len() {
        let ord = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match ord {
            std::cmp::Ordering::Equal => {
                f(&a[i], true, true);
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                f(&a[i], true, false);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                f(&b[j], false, true);
                j += 1;
            }
        }
    }
    common
}

fn chars_into<'a>(s: &str, buf: &'a mut [char; MAX_CHARS]) -> &'a [char] {
    let mut n = 0;
    for c in s.chars().take(MAX_CHARS) {
        buf[n] = c;
        n += 1;
    }
    &buf[..n]
}

/// Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one bit per character of
/// `b` (at most `MAX_CHARS`), a few word operations per character of `a` instead of a row of the
/// dynamic program (whose cell-to-cell dependency was a third of the pair model's time).
fn lcs(a: &[char], b: &[char]) -> usize {
    debug_assert!(b.len() <= MAX_CHARS && MAX_CHARS < 64);
    let all = (1u64 << b.len()) - 1;
    let mut v = all;
    for &x in a {
        let m = b.iter().enumerate().fold(0u64, |m, (j, &y)| m | ((x == y) as u64) << j);
        let u = v & m;
        v = ((v + u) | (v - u)) & all;
    }
    b.len() - v.count_ones() as usize
}

fn ratio(x: usize, y: usize) -> f32 {
    if y == 0 { 0.0 } else { x as f32 / y as f32 }
}

/// What the pair features read of one signature's characters: the characters, their set and their
/// bigram set. Prepared once per signature — a group's seed is scored against every question that
/// shares a word with it, and sorting these per pair showed in the profile.
#[derive(Clone, Debug)]
pub struct Shape {
    chars: [char; MAX_CHARS],
    set: [char; MAX_CHARS],
    bigrams: [(char, char); MAX_CHARS],
    /// What its form asks about, for the content rules of `score.rs` (`forms::content_into`).
    content: [char; MAX_CHARS],
    /// Lengths of `chars`, `set`, `bigrams` and `content`.
    n: (u8, u8, u8, u8),
    /// The day and the season its words name (`score::contrasts`), read once.
    pub(super) contrast: [Option<u8>; super::score::CONTRASTS.len()],
    /// What it says beside its aspect (`aspects::rest_into`), when it names one.
    rest: [char; MAX_CHARS],
    rest_n: u8,
}

impl Shape {
    pub fn of(sig: &Signature) -> Shape {
        let mut chars = ['\0'; MAX_CHARS];
        let n = chars_into(&sig.chars, &mut chars).len();
        let (mut set, mut bigrams) = (['\0'; MAX_CHARS], [('\0', '\0'); MAX_CHARS]);
        let nset = set_of(chars[..n].iter().copied(), &mut set);
        let nbi = set_of(chars[..n].windows(2).map(|w| (w[0], w[1])), &mut bigrams);
        let mut content = ['\0'; MAX_CHARS];
        let nc = super::forms::content_into(&sig.chars, sig.asks, &mut content);
        let contrast = super::score::contrasts(&sig.words);
        let mut rest = ['\0'; MAX_CHARS];
        let rest_n = if sig.aspect.is_some() {
            super::aspects::rest_into(&sig.chars, sig.asks == 1 << super::YES_NO, &mut rest)
        } else {
            0
        };
        let n = (n as u8, nset as u8, nbi as u8, nc as u8);
        Shape { chars, set, bigrams, content, n, contrast, rest, rest_n: rest_n as u8 }
    }

    /// What it says beside its aspect (`Signature::aspect`); empty when it names none.
    pub(super) fn rest(&self) -> &[char] {
        &self.rest[..self.rest_n as usize]
    }

    pub(super) fn content(&self) -> &[char] {
        &self.content[..self.n.3 as usize]
    }

    fn chars(&self) -> &[char] {
        &self.chars[..self.n.0 as usize]
    }

    fn set(&self) -> &[char] {
        &self.set[..self.n.1 as usize]
    }

    fn bigrams(&self) -> &[(char, char)] {
        &self.bigrams[..self.n.2 as usize]
    }
}

/// Characters that name opposite ends of one measure: two asks the same but for one of them name
/// different things (宽脚能穿吗 / 窄脚能穿吗, 大号多少钱 / 小号多少钱).
const OPPOSITES: &[(char, char)] = &[
    ('宽', '窄'),
    ('大', '小'),
    ('长', '短'),
    ('厚', '薄'),
    ('高', '矮'),
    ('胖', '瘦'),
    ('深', '浅'),
    ('冷', '热'),
    ('软', '硬'),
    ('轻', '重'),
    ('粗', '细'),
    ('男', '女'),
    ('早', '晚'),
    ('新', '旧'),
    ('干', '湿'),
    ('甜', '咸'),
    ('亮', '暗'),
];

/// Whether `a` and `b` are the same characters but at one place, where they hold opposites.
pub(super) fn one_opposite_apart(a: &Shape, b: &Shape) -> bool {
    let (x, y) = (a.chars(), b.chars());
    if x.len() != y.len() {
        return false;
    }
    let mut apart = x.iter().zip(y).enumerate().filter(|(_, (p, q))| p != q);
    match (apart.next(), apart.next()) {
        // 偏大吗 and 偏小吗 both ask whether the size is true, and one answer (正码) settles both.
        (Some((at, _)), None) if at > 0 && x[at - 1] == '偏' => false,
        (Some((_, (&p, &q))), None) => OPPOSITES.iter().any(|&(m, n)| (p, q) == (m, n) || (p, q) == (n, m)),
        _ => false,
    }
}

/// Emits the sparse ids of a pair and returns its dense features. Symmetric in `a` and `b`.
pub fn features(a: &Signature, b: &Signature, emit: &mut impl FnMut(u32)) -> [f32; DENSE] {
    features_shaped((a, &Shape::of(a)), (b, &Shape::of(b)), emit)
}

/// `features` with each signature's `Shape` already prepared.
pub fn features_shaped(
    (a, sha): (&Signature, &Shape),
    (b, shb): (&Signature, &Shape),
    emit: &mut impl FnMut(u32),
) -> [f32; DENSE] {
    let pid = |kind: u64| Hasher::new(Ns::Pair).feed(kind);
    let (mut w_common, mut w_union) = (0.0f32, 0.0f32);
    let mut diff_words = 0u64;
    merge(&a.words, &b.words, |w, in_a, in_b| {
        let weight = 1.0 + 0.5 * (w.chars().count().min(4) as f32 - 1.0);
        w_union += weight;
        if in_a && in_b {
            w_common += weight;
            emit(pid(0).str(w).id());
        } else {
            diff_words += 1;
            emit(pid(1).str(w).id());
        }
    });
    let (ca, cb) = (sha.chars(), shb.chars());
    let (na, nb) = (sha.set().len(), shb.set().len());
    let mut diff_chars = 0u64;
    let common_chars = merge(sha.set(), shb.set(), |c, in_a, in_b| {
        if in_a != in_b {
            diff_chars += 1;
            emit(pid(2).feed(*c as u64).id());
        }
    });
    let (na2, nb2) = (sha.bigrams().len(), shb.bigrams().len());
    let common_bigrams = merge(sha.bigrams(), shb.bigrams(), |_, _, _| {});
    // Question-word kinds: each kind either side uses, different (3) or shared (4).
    let mut kinds = a.asks | b.asks;
    while kinds != 0 {
        let k = kinds.trailing_zeros() as u64;
        kinds &= kinds - 1;
        emit(pid(if (a.asks ^ b.asks) >> k & 1 == 1 { 3 } else { 4 }).feed(k).id());
    }
    let common_concepts = merge(&a.concepts, &b.concepts, |c, in_a, in_b| {
        emit(pid(5 + (in_a && in_b) as u64).feed(*c as u64).id());
    });
    emit(pid(7).feed(diff_words.min(6)).id());
    emit(pid(8).feed(diff_chars.min(8)).id());
    emit(pid(9).feed((a.numbers.len() != b.numbers.len()) as u64).id());

    let l = lcs(ca, cb);
    let concept_union = a.concepts.len() + b.concepts.len() - common_concepts;
    [
        if w_union > 0.0 { w_common / w_union } else { 0.0 },
        ratio(common_chars, na + nb - common_chars),
        ratio(2 * common_bigrams, na2 + nb2),
        ratio(l, ca.len().max(cb.len())),
        ratio(l, ca.len().min(cb.len())),
        ratio(ca.len().min(cb.len()), ca.len().max(cb.len())),
        ratio(common_concepts, concept_union),
        (a.chars == b.chars) as u8 as f32,
    ]
}

/// The pair model's log-odds that `a` and `b` ask the same thing.
pub fn logit(a: &Signature, b: &Signature) -> f32 {
    logit_shaped((a, &Shape::of(a)), (b, &Shape::of(b)))
}

/// `logit` with each signature's `Shape` already prepared.
pub fn logit_shaped(a: (&Signature, &Shape), b: (&Signature, &Shape)) -> f32 {
    let m = model();
    let mut acc = [0i32; MAX_OUTPUTS];
    let dense = features_shaped(a, b, &mut |id| m.add(id, &mut acc));
    m.logits(&acc, &dense)[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The dynamic program `lcs` replaced.
    fn lcs_table(a: &[char], b: &[char]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diag = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    proptest! {
        #[test]
        fn bit_parallel_lcs_is_the_table(a in "[多少钱价格ab1]{0,32}", b in "[多少钱价格ab1]{0,32}") {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prop_assert_eq!(lcs(&a, &b), lcs_table(&a, &b));
        }
    }
}
