//! The weights of the comment's character n-grams and tokens in the three models every comment goes
//! through — question (1 output), live sentiment (3) and polarity (1) — summed in one pass.
//!
//! Each model used to look every shared id up in its own table: three scattered loads per id, ~40 ids
//! per comment. The tables are laid side by side here, one 8-byte entry per 16-bit bucket
//! (question, live ×3, and the four 18-bit polarity buckets under it), so an id costs one load. The
//! sums are integers, so they are the same whatever the order: each model starts from its share of
//! them and adds its own features as before (`Model::add`), and scores exactly what it scored.

use super::linear::{Common, Model};
use std::sync::OnceLock;

/// Each model's sum over the shared ids.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sums {
    /// Question: over the n-grams (used when the core is the whole text) and over the tokens.
    pub question_ngrams: i32,
    pub question_tokens: i32,
    pub live: [i32; 3],
    pub polarity: i32,
}

/// The side-by-side table, when the three models have the shapes it is laid out for.
fn joint() -> Option<&'static [[i8; 8]]> {
    static J: OnceLock<Option<Vec<[i8; 8]>>> = OnceLock::new();
    J.get_or_init(|| {
        let (q, l, p) = (crate::question::model(), super::live(), super::polarity());
        if (q.bits(), q.outputs(), l.bits(), l.outputs(), p.bits(), p.outputs()) != (16, 1, 16, 3, 18, 1) {
            return None;
        }
        let w = |m: &Model, i: usize| m.weights()[i] as i8;
        Some(
            (0..1usize << 16)
                .map(|b| {
                    let mut e = [w(q, b), w(l, 3 * b), w(l, 3 * b + 1), w(l, 3 * b + 2), 0, 0, 0, 0];
                    for k in 0..4 {
                        e[4 + k] = w(p, 4 * b + k);
                    }
                    e
                })
                .collect(),
        )
    })
    .as_deref()
}

/// The three models' sums over the comment's shared ids.
pub fn sums(common: &Common) -> Sums {
    let mut s = Sums::default();
    let Some(table) = joint() else {
        return separately(common);
    };
    let mut add = |ids: &[u32], question: &mut i32| {
        for &id in ids {
            let e = &table[(id >> 16) as usize];
            *question += e[0] as i32;
            s.live[0] += e[1] as i32;
            s.live[1] += e[2] as i32;
            s.live[2] += e[3] as i32;
            s.polarity += e[4 + (id >> 14 & 3) as usize] as i32;
        }
    };
    let (mut qn, mut qt) = (0, 0);
    add(common.ngrams(), &mut qn);
    add(common.tokens(), &mut qt);
    Sums { question_ngrams: qn, question_tokens: qt, ..s }
}

/// Starts loading the table's entries for `ids`, so that `sums`, which runs after the rest of the
/// comment's features are found, does not wait for each one (the table is 512 KiB: most entries are
/// not in the core's cache). Only where the hint exists: the walk would be work for nothing elsewhere.
pub fn prefetch(ids: &[u32]) {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    if let Some(table) = joint() {
        for &id in ids {
            let e = &table[(id >> 16) as usize];
            crate::prefetch::prefetch(e.as_ptr().cast(), size_of_val(e));
        }
    }
}

/// `sums` through each model's own table: for models of other shapes, and the reference the tests
/// hold the joint table to.
fn separately(common: &Common) -> Sums {
    let (q, l, p) = (crate::question::model(), super::live(), super::polarity());
    let acc = |m: &Model, ids: &[u32]| {
        let mut a = [0; super::linear::MAX_OUTPUTS];
        ids.iter().for_each(|&id| m.add(id, &mut a));
        a
    };
    let all: Vec<u32> = common.ngrams().iter().chain(common.tokens()).copied().collect();
    let live = acc(l, &all);
    Sums {
        question_ngrams: acc(q, common.ngrams())[0],
        question_tokens: acc(q, common.tokens())[0],
        live: [live[0], live[1], live[2]],
        polarity: acc(p, &all)[0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::cut;

    #[test]
    fn the_joint_table_sums_what_each_model_sums() {
        assert!(joint().is_some(), "the shipped models no longer have the joint table's shapes");
        for text in ["多少钱", "主播好美[比心]", "这个质量真的不行，退款", "666666", "", "a", "3号链接多少钱呀姐姐"]
        {
            let tokens = cut(text);
            let common = Common::of(text, &tokens);
            assert_eq!(sums(&common), separately(&common), "{text}");
        }
    }
}
