//! Cleaning: the one place that decides what a comment's text *is* before anything reads it.
//!
//! Invariants (property-tested below): the output is idempotent under `clean`, holds no control or
//! zero-width characters, has no run of more than three equal characters (punctuation: one), and is at
//! most `MAX_CHARS` characters long.

mod nfkc;

use unicode_normalization::UnicodeNormalization;

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
    // One pass over the raw text when NFKC would only fold full-width ASCII (folded on the way);
    // NFKC first otherwise.
    let mut cleaned = scan(raw, true).unwrap_or_else(|| {
        let normalized: String = raw.nfkc().collect();
        scan(&normalized, false).expect("only a folding scan gives up")
    });
    drop_counter(&mut cleaned.text);
    cleaned
}

/// Sentence ends a counter may follow: platforms refuse a viewer's identical comment twice, so
/// viewers repeat a question as 有货吗1, 有货吗2, 有货吗?3.
const COUNTED_ENDS: &[char] = &['吗', '嘛', '呢', '么', '吧', '啊', '呀', '?', '!'];

/// Drops such a counter (one or two digits after a sentence end, with words before it): the repeats
/// are then one text, one question asked again, not a new question each.
fn drop_counter(text: &mut String) {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return;
    }
    let mut before = text[..text.len() - digits].chars().rev();
    if before.next().is_some_and(|end| COUNTED_ENDS.contains(&end)) && before.next().is_some_and(|c| c != ' ') {
        text.truncate(text.len() - digits);
    }
}

/// The cleaning loop. With `fold`, `src` is raw text: full-width ASCII is folded as it is read, and
/// any other character NFKC would change gives up (`None`). Characters kept as they are are copied
/// in runs: `src[copied..i]` is pending.
fn scan(src: &str, fold: bool) -> Option<Cleaned> {
    let mut out = String::with_capacity(src.len().min(MAX_CHARS * 4));
    let mut copied = 0usize;
    let mut end = src.len();
    let mut kept = 0usize;
    let mut truncated = false;
    let mut prev: Option<char> = None;
    let mut run = 0usize;
    let mut pending_space = false;
    // Truncating a raw text is only right if NFKC would not have changed what follows (a combining
    // mark there would compose with the last kept character).
    let stays = |rest: &str| !fold || rest.chars().all(|c| nfkc::is_stable(c) || nfkc::fold_fullwidth(c).is_some());

    for (i, raw_c) in src.char_indices() {
        let mut c = raw_c;
        let mut folded = false;
        if !matches!(c, '!'..='~' | '\u{4E00}'..='\u{9FFF}') {
            if fold && !nfkc::is_stable(c) {
                c = nfkc::fold_fullwidth(c)?;
                folded = true;
            }
            let invisible = is_invisible(c);
            if invisible || c.is_whitespace() || c.is_control() {
                out.push_str(&src[copied..i]);
                copied = i + raw_c.len_utf8();
                if !invisible {
                    pending_space = kept > 0;
                }
                continue;
            }
        }
        if pending_space {
            pending_space = false;
            if kept + 1 >= MAX_CHARS {
                truncated = true;
                end = i;
                if !stays(&src[i..]) {
                    return None;
                }
                break;
            }
            out.push_str(&src[copied..i]);
            copied = i;
            out.push(' ');
            kept += 1;
            prev = Some(' ');
            run = 1;
        }
        if Some(c) == prev {
            run += 1;
            let limit = if is_flood_punct(c) { 1 } else { MAX_RUN };
            if run > limit {
                out.push_str(&src[copied..i]);
                copied = i + raw_c.len_utf8();
                continue;
            }
        } else {
            prev = Some(c);
            run = 1;
        }
        if kept == MAX_CHARS {
            truncated = true;
            end = i;
            if !stays(&src[i..]) {
                return None;
            }
            break;
        }
        kept += 1;
        if folded {
            out.push_str(&src[copied..i]);
            out.push(c);
            copied = i + raw_c.len_utf8();
        }
    }
    out.push_str(&src[copied..end]);
    Some(Cleaned { text: collapse_repeated_emoji(out), truncated })
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

/// Byte length of a sticker token (`[比心]`, `[666]`, Douyu's `[emot:dy101]`) at the start of `s`, if
/// there is one.
pub fn emoji_token_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('[')?;
    let end = body.find(']')?;
    let name = &body[..end];
    let chars = name.chars().count();
    let plausible = (1..=8).contains(&chars) && !name.contains('[') && !name.contains(' ');
    (plausible || is_emote_code(name)).then_some(end + 2)
}

/// A platform's emote code, `kind:id` in ASCII (Douyu writes its stickers as `[emot:dy101]`): without
/// it, jieba cut them into `emot`, `:` and `dy101`, and "emot" led the hot keywords of a Douyu room.
fn is_emote_code(name: &str) -> bool {
    let Some((kind, id)) = name.split_once(':') else { return false };
    let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    name.len() <= 24 && word(kind) && word(id)
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
    fn emote_codes_are_stickers() {
        assert_eq!(emoji_token_len("[emot:dy101]主播好"), Some("[emot:dy101]".len()));
        assert_eq!(emoji_token_len("[比心]"), Some("[比心]".len()));
        assert_eq!(emoji_token_len("[a:b c]"), None);
        assert_eq!(emoji_token_len("[说明: 这是一段很长的话]"), None);
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
    fn drops_a_repeat_counter_after_a_sentence_end() {
        assert_eq!(c("有货吗1"), "有货吗");
        assert_eq!(c("下午有训练赛吗？12"), "下午有训练赛吗?");
        assert_eq!(c("链接呢3"), "链接呢");
        // Numbers that say something stay: a poll vote, a link number, a price, a bare reaction.
        for kept in ["扣1", "要的扣1", "3号", "多少钱吗123", "?4", "吗2", "好 吗1"] {
            assert_eq!(c(kept), kept);
        }
    }

    #[test]
    fn caps_length_and_reports_it() {
        let long = "好".repeat(50) + &"看".repeat(50) + &"的衣服".repeat(200);
        let out = clean(&long);
        assert!(out.truncated);
        assert_eq!(out.text.chars().count(), MAX_CHARS);
        assert!(!clean("短评").truncated);
    }

    /// The cleaning rules written plainly (NFKC, then a character at a time): what `clean` must equal.
    fn reference(raw: &str) -> Cleaned {
        let normalized: String = raw.nfkc().collect();
        let mut out = String::new();
        let (mut kept, mut truncated, mut prev, mut run, mut pending_space) = (0, false, None, 0, false);
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
                if run > if is_flood_punct(c) { 1 } else { MAX_RUN } {
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
        let mut text = collapse_repeated_emoji(out);
        drop_counter(&mut text);
        Cleaned { text, truncated }
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

        /// What `Analyzer` relies on to look a raw text up before cleaning it.
        #[test]
        fn a_cleaned_text_is_its_own_cleaning_whole(s in "\\PC{0,300}") {
            let once = clean(&s).text;
            prop_assert_eq!(clean(&once), Cleaned { text: once.clone(), truncated: false });
        }

        #[test]
        fn output_is_bounded_and_visible(s in ".{0,400}") {
            let out = c(&s);
            prop_assert!(out.chars().count() <= MAX_CHARS);
            prop_assert!(!out.chars().any(|ch| ch.is_control() || is_invisible(ch)));
            prop_assert_eq!(out.trim(), out.as_str());
        }

        #[test]
        fn same_as_the_reference(s in "[a-z0-9 ?!.,~\\[\\]好看哈呀？！，（）～Ａ\u{3000}\t\n。…é😂❤\u{200B}\u{FE0F}\u{0301}\u{1161}가\u{FFFD}]{0,260}") {
            prop_assert_eq!(clean(&s), reference(&s));
        }

        #[test]
        fn same_as_the_reference_on_any_text(s in "\\PC{0,230}") {
            prop_assert_eq!(clean(&s), reference(&s));
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
