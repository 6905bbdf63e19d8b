//! What NFKC does to a character, without the general normalizer: most comments are already
//! normalized and most of the rest only hold full-width ASCII (？，！Ａ３).

use std::sync::OnceLock;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfkc_quick};

/// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space: NFKC maps each to one ASCII
/// character, and among stable characters (below) nothing composes with it.
pub(super) fn fold_fullwidth(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// Characters NFKC leaves alone in any string of such characters: quick check Yes and combining
/// class 0 (no reordering, and none is the second half of a composition). ASCII and the CJK Unified
/// Ideographs directly; the rest of planes 0 and 1 from a bitmap built a 256-character page at a
/// time, on first use.
pub(super) fn is_stable(c: char) -> bool {
    if c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    static PAGES: [OnceLock<[u64; 4]>; 512] = [const { OnceLock::new() }; 512];
    let cp = c as usize;
    let Some(page) = PAGES.get(cp >> 8) else { return stable_uncached(c) };
    let bits = page.get_or_init(|| {
        let mut bits = [0u64; 4];
        let base = cp & !0xFF;
        for i in 0..256 {
            if char::from_u32((base | i) as u32).is_some_and(stable_uncached) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    (bits[(cp & 0xFF) / 64] >> (cp % 64)) & 1 == 1
}

fn stable_uncached(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn fullwidth_folding_is_nfkc() {
        for c in ('\u{FF01}'..='\u{FF5E}').chain(['\u{3000}']) {
            assert_eq!(fold_fullwidth(c).map(String::from), Some(std::iter::once(c).nfkc().collect::<String>()));
        }
        for c in ['😂', '❤', '▁', '。', 'é', '·', '\u{FFFD}', '\u{200B}'] {
            assert!(is_stable(c), "{c:?}");
        }
        for c in ['\u{0301}', '\u{1161}', '？', '…', '\u{1F100}'] {
            assert!(!is_stable(c), "{c:?}");
        }
    }
}
