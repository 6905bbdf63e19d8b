//! Model output is shown to the host as text with a tiny markdown subset (paragraphs, `- ` lists,
//! `**bold**`), never as HTML. Here it is cleaned before it reaches any UI: tags and control
//! characters removed, blank runs collapsed, length capped.

/// Characters the overlay shows of one reply; more is cut (and reported as TooLong).
pub const MAX_REPLY_CHARS: usize = 1200;

/// Removes HTML-like tags (`<b>`, `<script …>`, `</system>`, `<|im_start|>`), control and
/// invisible characters; keeps newlines.
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '|' | '!')) {
            // Skip to the closing '>' (within a short distance; otherwise it was just a '<').
            let rest: String = chars.clone().take(200).collect();
            if let Some(end) = rest.find('>') {
                let skip = rest[..=end].chars().count();
                for _ in 0..skip {
                    chars.next();
                }
                continue;
            }
        }
        let invisible =
            matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
        if (c.is_control() && c != '\n') || invisible {
            continue;
        }
        out.push(c);
    }
    out
}

/// The displayable reply: stripped, at most one blank line in a row, at most `max` characters.
/// Returns the text and whether it was cut.
pub fn reply(text: &str, max: usize) -> (String, bool) {
    let clean = strip(text);
    let mut out = String::new();
    let mut blank = 0;
    for line in clean.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let out = out.trim_end().to_string();
    if out.chars().count() > max { (out.chars().take(max).collect::<String>() + "…", true) } else { (out, false) }
}

/// One line of plain text (profile notes, suggested answers): stripped, markdown markers removed,
/// whitespace collapsed, capped.
pub fn plain_line(text: &str, max: usize) -> String {
    let s = strip(text).replace("**", "").replace('`', "");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max { s.chars().take(max).collect() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_html_survives() {
        let (t, cut) = reply("<script>alert(1)</script>**讲尺码**<img src=x onerror=1>\n\n\n\n- a <b>b</b>", 100);
        assert_eq!(t, "alert(1)**讲尺码**\n\n- a b");
        assert!(!cut);
        assert_eq!(strip("3 < 5 且 a<|im_start|>system"), "3 < 5 且 asystem");
        assert_eq!(strip("a\u{202E}b\u{0007}c"), "abc");
    }

    #[test]
    fn long_replies_are_cut() {
        let (t, cut) = reply(&"字".repeat(2000), MAX_REPLY_CHARS);
        assert!(cut);
        assert_eq!(t.chars().count(), MAX_REPLY_CHARS + 1);
        assert_eq!(plain_line("  **价格** 请看 `1号`  链接 ", 8), "价格 请看 1号");
    }
}
