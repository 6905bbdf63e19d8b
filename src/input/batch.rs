//! A batch of rows as one JSON array (`JSON.stringify(rows)` in a page or a service worker): one
//! string crosses into wasm instead of every field of every row.

use crate::comment::Comment;

/// Rows `[{text, user?, ts?, platform?, kind?}]`, read as the row type reads them anywhere else.
/// `JSON.stringify` writes a lone UTF-16 surrogate as an escape (`"\ud83d"`), which JSON readers
/// reject; such escapes become U+FFFD, as the string itself would when passed to wasm.
pub fn rows_json(json: &str) -> Result<Vec<Comment>, String> {
    match serde_json::from_str(json) {
        Ok(rows) => Ok(rows),
        Err(e) => {
            let fixed = replace_lone_surrogates(json).ok_or_else(|| e.to_string())?;
            serde_json::from_str(&fixed).map_err(|e| e.to_string())
        }
    }
}

/// `json` with lone surrogate escapes replaced by `\ufffd`; `None` when it has none.
fn replace_lone_surrogates(json: &str) -> Option<String> {
    let b = json.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut out = String::with_capacity(json.len());
    let (mut copied, mut i, mut changed) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if unit(i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                changed = true;
                i += 6;
                copied = i;
            }
            // Any other escape is two characters or more; skipping two keeps `\\u` from being read
            // as the start of a `\u` escape.
            _ => i += 2,
        }
    }
    out.push_str(&json[copied.min(json.len())..]);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_like_the_row_type() {
        let rows =
            rows_json(r#"[{"text":"链接呢","user":"a","ts":1700000000000,"id":"x"},{"text":"礼物","kind":"gift"}]"#);
        let rows = rows.unwrap();
        assert_eq!(rows[0], Comment::by("a", "链接呢", 1_700_000_000_000));
        assert_eq!(rows[1].kind, crate::Kind::Gift);
        assert!(rows_json(r#"[{"user":"a"}]"#).is_err());
        assert!(rows_json(r#"[{"text":"x","kind":"dance"}]"#).is_err());
        assert!(rows_json("[").is_err());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let rows = rows_json(r#"[{"text":"a\ud83db\ude00c\ud83d\ude00\\ud83d"}]"#).unwrap();
        assert_eq!(rows[0].text, "a\u{fffd}b\u{fffd}c😀\\ud83d");
    }
}
