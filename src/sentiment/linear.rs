//! Hashed linear models: the one shape every learned classifier in the engine has (sentiment, question,
//! intent, same question). A feature is a 32-bit hash; its top `bits` bits pick a bucket holding one i8
//! weight per output. Scoring is integer adds into a flat array — no allocation, no floating point until
//! the end — so Python (scripts/train/) reproduces a score exactly from the same feature ids.
//!
//! Lives under `sentiment` only because modules outside this team's files cannot be added; question,
//! intent and similar use it through `crate::sentiment::linear`.
//!
//! File format (little-endian), written by `scripts/train/export.py`:
//! `b"DRLM"`, u8 version = 1, u8 outputs, u8 bits, u8 dense, f32 scale, f32 bias[outputs],
//! f32 dense_weights[dense × outputs] (row-major by dense feature), i8 weights[2^bits × outputs].

use crate::phrases::Pairs;

/// Most outputs any model has (intent: 12 classes).
pub const MAX_OUTPUTS: usize = 12;

pub struct Model {
    outputs: usize,
    bits: u32,
    dense: usize,
    scale: f32,
    bias: [f32; MAX_OUTPUTS],
    dense_weights: Vec<f32>,
    weights: &'static [u8],
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    f32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

impl Model {
    /// Reads a compiled-in model; a malformed file is a build mistake, so it panics with the name.
    pub fn parse(name: &str, b: &'static [u8]) -> Model {
        assert!(b.len() >= 12 && &b[..4] == b"DRLM" && b[4] == 1, "{name}: not a version-1 DRLM model");
        let (outputs, bits, dense) = (b[5] as usize, b[6] as u32, b[7] as usize);
        assert!((1..=MAX_OUTPUTS).contains(&outputs) && (8..=24).contains(&bits), "{name}: bad header");
        let scale = f32_at(b, 8);
        let mut at = 12;
        let mut bias = [0.0; MAX_OUTPUTS];
        for v in bias.iter_mut().take(outputs) {
            *v = f32_at(b, at);
            at += 4;
        }
        let dense_weights: Vec<f32> = (0..dense * outputs).map(|i| f32_at(b, at + 4 * i)).collect();
        at += 4 * dense * outputs;
        let weights = &b[at..];
        assert_eq!(weights.len(), (1usize << bits) * outputs, "{name}: weight table size");
        Model { outputs, bits, dense, scale, bias, dense_weights, weights }
    }

    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Bits of a feature id that pick its bucket.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The i8 weights, `outputs` per bucket.
    pub fn weights(&self) -> &'static [u8] {
        self.weights
    }

    /// Adds the weights of one hashed feature to the integer accumulators.
    #[inline(always)]
    pub fn add(&self, id: u32, acc: &mut [i32; MAX_OUTPUTS]) {
        let at = (id >> (32 - self.bits)) as usize * self.outputs;
        // The per-comment models have one, three or four outputs (question, polarity; live; intent):
        // unrolled, they cost a third of the general loop, which runs ~60 times per model per comment.
        match self.outputs {
            1 => acc[0] += self.weights[at] as i8 as i32,
            3 => {
                let w = &self.weights[at..at + 3];
                acc[0] += w[0] as i8 as i32;
                acc[1] += w[1] as i8 as i32;
                acc[2] += w[2] as i8 as i32;
            }
            4 => {
                let w = &self.weights[at..at + 4];
                acc[0] += w[0] as i8 as i32;
                acc[1] += w[1] as i8 as i32;
                acc[2] += w[2] as i8 as i32;
                acc[3] += w[3] as i8 as i32;
            }
            n => {
                for (a, &w) in acc.iter_mut().zip(&self.weights[at..at + n]) {
                    *a += w as i8 as i32;
                }
            }
        }
    }

    /// Logits from accumulated sparse weights plus dense (real-valued) features.
    pub fn logits(&self, acc: &[i32; MAX_OUTPUTS], dense: &[f32]) -> [f32; MAX_OUTPUTS] {
        debug_assert_eq!(dense.len(), self.dense);
        let mut out = [0.0; MAX_OUTPUTS];
        for k in 0..self.outputs {
            out[k] = self.bias[k] + self.scale * acc[k] as f32;
            for (d, x) in dense.iter().enumerate() {
                out[k] += x * self.dense_weights[d * self.outputs + k];
            }
        }
        out
    }
}

// ---------------------------------------------------------------- feature hashing

/// Feature namespaces: the same string in two roles (a token vs. a character n-gram) hashes apart.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Ns {
    Char1 = 1,
    Char2,
    Char3,
    Token,
    TokenPair,
    Negated,
    Lexicon,
    Length,
    Punct,
    Rule,
    First,
    Last,
    Pair,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// A running hash; `feed` order matters. FxHash-style mixing with a murmur finaliser so the top bits
/// (what `Model::add` reads) are well spread.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    #[inline]
    pub fn new(ns: Ns) -> Hasher {
        Hasher((ns as u64).wrapping_mul(K))
    }

    #[inline]
    pub fn feed(self, x: u64) -> Hasher {
        Hasher((self.0.rotate_left(5) ^ x).wrapping_mul(K))
    }

    /// Eight bytes at a time, little-endian, the last chunk zero-padded. The short tail is gathered
    /// byte by byte: a `copy_from_slice` of a variable length is a `memcpy` call (11 per comment).
    #[inline]
    pub fn str(mut self, s: &str) -> Hasher {
        let mut chunks = s.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            self = self.feed(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self = self.feed(tail.iter().rev().fold(0u64, |w, &b| w << 8 | b as u64));
        }
        self.feed(0xff ^ s.len() as u64)
    }

    #[inline]
    pub fn id(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        (h >> 32) as u32
    }
}

/// One id for a namespace and a string.
#[inline]
pub fn id(ns: Ns, s: &str) -> u32 {
    Hasher::new(ns).str(s).id()
}

/// Character 1-3-grams of `chars` with start/end markers (`^a`, `z$`), spaces skipped.
pub fn char_ngrams(text: &str, emit: &mut impl FnMut(u32)) {
    const EDGE: u64 = 2; // a code point no text holds after cleaning
    let (mut p2, mut p1) = (u64::MAX, EDGE);
    for c in text.chars().filter(|&c| c != ' ').map(|c| c as u64).chain(std::iter::once(EDGE + 1)) {
        if c != EDGE + 1 {
            emit(Hasher::new(Ns::Char1).feed(c).id());
        }
        emit(Hasher::new(Ns::Char2).feed(p1).feed(c).id());
        if p2 != u64::MAX {
            emit(Hasher::new(Ns::Char3).feed(p2).feed(p1).feed(c).id());
        }
        (p2, p1) = (p1, c);
    }
}

/// The ids the question, intent and sentiment models start from: the character 1–3-grams of the
/// text, then every token, every pair of neighbouring tokens (from `^` to `$`). Hashed once per
/// comment and read by every model (each used to hash them again).
pub struct Common {
    ids: Vec<u32>,
    tokens_at: usize,
    pairs: Pairs,
    sums: std::cell::OnceCell<super::joint::Sums>,
}

impl Common {
    pub fn of(text: &str, tokens: &[&str]) -> Common {
        let mut ids = Vec::with_capacity(3 * text.len() / 2 + 2 * tokens.len() + 4);
        char_ngrams(text, &mut |i| ids.push(i));
        let tokens_at = ids.len();
        let mut prev = "^";
        for &t in tokens {
            ids.push(id(Ns::Token, t));
            ids.push(Hasher::new(Ns::TokenPair).str(prev).str(t).id());
            prev = t;
        }
        ids.push(Hasher::new(Ns::TokenPair).str(prev).str("$").id());
        super::joint::prefetch(&ids);
        Common { ids, tokens_at, pairs: Pairs::of(text), sums: std::cell::OnceCell::new() }
    }

    /// The question and sentiment models' weights of these ids, summed once for all of them.
    pub fn sums(&self) -> super::joint::Sums {
        *self.sums.get_or_init(|| super::joint::sums(self))
    }

    /// The text's character pairs, which the phrase lists check before they search.
    pub fn pairs(&self) -> &Pairs {
        &self.pairs
    }

    /// `char_ngrams` of the text.
    pub fn ngrams(&self) -> &[u32] {
        &self.ids[..self.tokens_at]
    }

    /// Token and token-pair ids.
    pub fn tokens(&self) -> &[u32] {
        &self.ids[self.tokens_at..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn str_hashes_zero_padded_chunks(s in "\\PC{0,20}") {
            let mut reference = Hasher::new(Ns::Token);
            for c in s.as_bytes().chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                reference = reference.feed(u64::from_le_bytes(w));
            }
            reference = reference.feed(0xff ^ s.len() as u64);
            proptest::prop_assert_eq!(Hasher::new(Ns::Token).str(&s).id(), reference.id());
        }
    }

    #[test]
    fn ngrams_count_and_namespaces() {
        let mut ids = Vec::new();
        char_ngrams("好看", &mut |i| ids.push(i));
        // 2 unigrams, 3 bigrams (^好 好看 看$), 2 trigrams (^好看 好看$)
        assert_eq!(ids.len(), 7);
        assert_ne!(id(Ns::Token, "好"), id(Ns::Char1, "好"));
        assert_eq!(id(Ns::Token, "好"), id(Ns::Token, "好"));
    }
}
