//! What the sentiment models see of a comment, as hashed feature ids. One function serves both the
//! engine and training (`tests/models.rs` dumps these ids for `scripts/train/`), so the features a
//! model was trained on are, by construction, the ones it is scored on.

use super::lexicon;
use super::linear::{Common, Hasher, Ns, id};

/// Length buckets in characters: live comments are ~7 characters, reviews ~50.
fn length_bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        21..=40 => 8,
        _ => 9,
    }
}

fn is_sticker(t: &str) -> bool {
    t.starts_with('[') && t.ends_with(']') && t.len() > 2
}

/// Emits the sparse features of a cleaned, lower-cased comment and its tokens; returns the dense
/// (real-valued) features, in the order the model files store their weights: the lexicon's sum.
pub fn sparse(text: &str, tokens: &[&str], emit: &mut impl FnMut(u32)) -> [f32; 1] {
    sparse_read(text, tokens, &Common::of(text, tokens), true, emit).0
}

/// `sparse` from the comment's `Common` ids, how many polar words the lexicon saw flipped by a
/// negator, and how many characters the text has (the engine's score uses both; reading the lexicon
/// twice showed in the profile, and the characters are counted here anyway). Without
/// `shared`, the `Common` ids are left out: the engine has their weights summed already
/// (`Common::sums`).
pub fn sparse_read(
    text: &str,
    tokens: &[&str],
    common: &Common,
    shared: bool,
    emit: &mut impl FnMut(u32),
) -> ([f32; 1], u32, usize) {
    if shared {
        common.ngrams().iter().chain(common.tokens()).for_each(|&i| emit(i));
    }
    let reading = lexicon::read(text, tokens);
    let mut stickers = 0u64;
    // Whether each of the two tokens before this one is a negator.
    let (mut neg1, mut neg2) = (false, false);
    for (i, &t) in tokens.iter().enumerate() {
        stickers += is_sticker(t) as u64;
        let negator = reading.is_negator(i, t);
        // A word under a negator reads differently (不好看, 没有不满意); the n-grams alone cannot see a
        // negator two tokens back. Two negators cancel (不是不好).
        if !negator && neg1 != neg2 {
            emit(id(Ns::Negated, t));
        }
        (neg2, neg1) = (neg1, negator);
    }

    let lexicon::Reading { sum, pos, neg, flipped, .. } = reading;
    let band = (sum * 2.0).round().clamp(-4.0, 4.0) as i64;
    emit(Hasher::new(Ns::Lexicon).feed(band as u64).id());
    emit(Hasher::new(Ns::Lexicon).feed(100 + pos.min(3) as u64).feed(neg.min(3) as u64).id());

    // The characters, the spaces and which marks occur, in one pass (`str::contains` runs a substring
    // searcher for …, 。).
    const MARKS: [char; 5] = ['!', '?', '~', '…', '。'];
    let (chars, spaces, seen) = text.chars().fold((0, 0, 0u8), |(n, spaces, bits), c| {
        (n + 1, spaces + (c == ' ') as usize, bits | MARKS.iter().position(|&m| m == c).map_or(0, |k| 1 << k))
    });
    emit(Hasher::new(Ns::Length).feed(length_bucket(chars - spaces)).id());
    for k in (0..MARKS.len()).filter(|k| seen >> k & 1 == 1) {
        emit(Hasher::new(Ns::Punct).feed(k as u64).id());
    }
    emit(Hasher::new(Ns::Punct).feed(10 + stickers.min(3)).id());
    ([sum.clamp(-4.0, 4.0)], flipped, chars)
}
