//! Cleaning: the one place that decides what a comment's text *is* before anything reads it.
//!
//! Invariants (property-tested below): the output is idempotent under `clean`, holds no control or
//! zero-width characters, has no run of more than three equal characters (punctuation: one), and is at
//! most `MAX_CHARS` characters long.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Live comments are short (median ~7 characters); anything past this is a paste or spam and only
/// costs time downstream.
pub const MAX_CHARS: usize = 200;

/// Equal characters kept from a flood (哈哈哈哈哈 → 哈哈哈, 666666 → 666).
const MAX_RUN: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub truncated: bool,
}

pub fn clean(raw: &str) -> Cleaned {
    // NFKC folds full-width forms (？３Ｓ → ?3S); most comments are already normalized, so skip the
    // allocation when the quick check says so.
    let normalized: std::borrow::Cow<str> = if raw.chars().all(nfkc_stable) {
        raw.into()
    } else {
        match is_nfkc_quick(raw.chars()) {
            IsNormalized::Yes => raw.into(),
            _ => raw.nfkc().collect::<String>().into(),
        }
    };

    let mut out = String::with_capacity(normalized.len().min(MAX_CHARS * 4));
    let mut kept = 0usize;
    let mut truncated = false;
    let mut prev: Option<char> = None;
    let mut run = 0usize;
    let mut pending_space = false;

    for c in normalized.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = kept > 0;
            continue;
        }
        if pending_space {
            pending_space = false;
            if kept + 1 >= MAX_CHARS {
                truncated = true;
                break;
            }
            out.push(' ');
            kept += 1;
            prev = Some(' ');
            run = 1;
        }
        if Some(c) == prev {
            run += 1;
            let limit = if is_flood_punct(c) { 1 } else { MAX_RUN };
            if run > limit {
                continue;
            }
        } else {
            prev = Some(c);
            run = 1;
        }
        if kept == MAX_CHARS {
            truncated = true;
            break;
        }
        out.push(c);
        kept += 1;
    }
    let text = collapse_repeated_emoji(out);
    Cleaned { text, truncated }
}

/// Characters NFKC never changes and that need no lookup: printable ASCII and the CJK Unified
/// Ideographs block (most of every Chinese comment). Compatibility ideographs are not in it.
fn nfkc_stable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{4E00}'..='\u{9FFF}')
}

/// Format and zero-width characters that render as nothing but split words and defeat matching.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{E0000}'..='\u{E007F}')
}

/// Punctuation whose repetition carries no meaning beyond one instance (？？？？ → ？).
fn is_flood_punct(c: char) -> bool {
    matches!(c, '?' | '!' | '.' | ',' | '~' | '。' | '、' | '…' | '-' | '=' | '*' | '/')
}

/// Platforms render stickers as bracketed names ([比心]); a flood of one sticker keeps three.
fn collapse_repeated_emoji(text: String) -> String {
    if !text.contains('[') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last: Option<&str> = None;
    let mut run = 0;
    let mut rest = text.as_str();
    while !rest.is_empty() {
        if let Some(len) = emoji_token_len(rest) {
            let tok = &rest[..len];
            if Some(tok) == last {
                run += 1;
            } else {
                last = Some(tok);
                run = 1;
            }
            if run <= MAX_RUN {
                out.push_str(tok);
            }
            rest = &rest[len..];
        } else {
            let c = rest.chars().next().expect("non-empty");
            out.push(c);
            last = None;
            run = 0;
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Byte length of a sticker token (`[比心]`, `[666]`) at the start of `s`, if there is one.
pub fn emoji_token_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('[')?;
    let end = body.find(']')?;
    let name = &body[..end];
    let chars = name.chars().count();
    let plausible = (1..=8).contains(&chars) && !name.contains('[') && !name.contains(' ');
    plausible.then_some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(s: &str) -> String {
        clean(s).text
    }

    #[test]
    fn folds_full_width_and_strips_invisibles() {
        assert_eq!(c("３号链接？"), "3号链接?");
        assert_eq!(c("有没有Ｓ码"), "有没有S码");
        assert_eq!(c("链\u{200B}接\u{FEFF}呢"), "链接呢");
        assert_eq!(c("  多少\t钱 \n "), "多少 钱");
    }

    #[test]
    fn collapses_floods() {
        assert_eq!(c("哈哈哈哈哈哈哈"), "哈哈哈");
        assert_eq!(c("？？？？"), "?");
        assert_eq!(c("6666666"), "666");
        assert_eq!(c("[比心][比心][比心][比心][比心]"), "[比心][比心][比心]");
        assert_eq!(c("好好好看"), "好好好看");
    }

    #[test]
    fn caps_length_and_reports_it() {
        let long = "好".repeat(50) + &"看".repeat(50) + &"的衣服".repeat(200);
        let out = clean(&long);
        assert!(out.truncated);
        assert_eq!(out.text.chars().count(), MAX_CHARS);
        assert!(!clean("短评").truncated);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(c(""), "");
        assert_eq!(c(" \u{200B} "), "");
    }

    proptest! {
        #[test]
        fn idempotent(s in "\\PC{0,300}") {
            let once = c(&s);
            prop_assert_eq!(c(&once), once.clone());
        }

        #[test]
        fn output_is_bounded_and_visible(s in ".{0,400}") {
            let out = c(&s);
            prop_assert!(out.chars().count() <= MAX_CHARS);
            prop_assert!(!out.chars().any(|ch| ch.is_control() || is_invisible(ch)));
            prop_assert_eq!(out.trim(), out.as_str());
        }

        #[test]
        fn no_long_runs(s in "[哈6?a ]{0,100}") {
            let out: Vec<char> = c(&s).chars().collect();
            for w in out.windows(MAX_RUN + 1) {
                prop_assert!(!w.iter().all(|&x| x == w[0]));
            }
        }
    }
}
