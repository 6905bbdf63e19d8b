//! `classify`: exactly one JSON line per input comment, in input order, from the full engine (the
//! session state — new words, groups — evolves as in a live room).
//!
//! Each line is `{"text","kind","is_question","intent","sentiment","score","tokens"}`, written
//! field by field into one reused buffer: byte for byte what `serde_json` writes for that struct
//! (strings that need escaping and the score go through `serde_json` itself).

use super::{CliResult, InputArgs, Skipped, analysed, flush, stdout, write_err};
use danmu_radar::Engine;
use danmu_radar::engine::Outcome;
use std::io::Write;

pub fn run(args: &InputArgs) -> CliResult {
    let rows = args.comments()?;
    let mut skipped = Skipped::new(args.name());
    let mut engine = Engine::default();
    let mut out = stdout();
    // Lines are written into this buffer, which goes out whole when it fills (one copy of each line).
    const FULL: usize = 1 << 16;
    let mut lines = Vec::with_capacity(FULL + 1024);
    let mut used = 0;
    analysed(rows, |row| {
        match row {
            Ok((c, a)) => {
                let o = engine.fold(&a);
                write_line(&mut lines, &c.text, &o, engine.last_tokens(&a));
                if lines.len() >= FULL {
                    out.write_all(&lines).map_err(write_err)?;
                    lines.clear();
                }
                used += 1;
            }
            Err(bad) => skipped.report(&bad),
        }
        Ok(())
    })?;
    out.write_all(&lines).map_err(write_err)?;
    flush(out)?;
    skipped.finish(used)
}

fn write_line<'a>(w: &mut Vec<u8>, text: &str, o: &Outcome, tokens: impl Iterator<Item = &'a str>) {
    w.extend_from_slice(b"{\"text\":");
    write_str(w, text);
    w.extend_from_slice(b",\"kind\":\"");
    w.extend_from_slice(o.kind.as_str().as_bytes());
    w.extend_from_slice(if o.is_question {
        b"\",\"is_question\":true,\"intent\":"
    } else {
        b"\",\"is_question\":false,\"intent\":"
    });
    match o.intent {
        Some(i) => {
            w.push(b'"');
            w.extend_from_slice(i.as_str().as_bytes());
            w.push(b'"');
        }
        None => w.extend_from_slice(b"null"),
    }
    w.extend_from_slice(b",\"sentiment\":\"");
    w.extend_from_slice(o.sentiment.as_str().as_bytes());
    w.extend_from_slice(b"\",\"score\":");
    let score = (o.score * 1000.0).round() / 1000.0;
    serde_json::to_writer(&mut *w, &score).expect("writing to a Vec cannot fail");
    w.extend_from_slice(b",\"tokens\":[");
    for (i, t) in tokens.enumerate() {
        if i > 0 {
            w.push(b',');
        }
        write_str(w, t);
    }
    w.extend_from_slice(b"]}\n");
}

/// A JSON string as `serde_json` writes it; only strings with a byte it escapes go through it.
fn write_str(w: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        serde_json::to_writer(&mut *w, s).expect("writing to a Vec cannot fail");
    } else {
        w.push(b'"');
        w.extend_from_slice(s.as_bytes());
        w.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use danmu_radar::{Kind, intent::Intent, sentiment::Polarity};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Line<'a> {
        text: &'a str,
        kind: Kind,
        is_question: bool,
        intent: Option<&'static str>,
        sentiment: &'static str,
        score: f32,
        tokens: &'a [&'a str],
    }

    #[test]
    fn lines_are_what_serde_json_writes() {
        for (text, score, intent, tokens) in [
            ("多少钱", 0.0f32, Some(Intent::Price), vec!["多少", "钱"]),
            ("a\"b\\c\u{1}\n\t\u{7f}é😂", -0.12345, None, vec!["a\"b", "\\", "\u{1f}"]),
            ("", 1.0, None, vec![]),
            ("好看", 0.3333333, None, vec!["好看"]),
        ] {
            let o = Outcome {
                kind: Kind::Comment,
                is_question: intent.is_some(),
                intent,
                sentiment: Polarity::Pos,
                score,
                group: None,
            };
            let mut ours = Vec::new();
            write_line(&mut ours, text, &o, tokens.iter().copied());
            let mut theirs = serde_json::to_vec(&Line {
                text,
                kind: o.kind,
                is_question: o.is_question,
                intent: o.intent.map(|i| i.as_str()),
                sentiment: o.sentiment.as_str(),
                score: (o.score * 1000.0).round() / 1000.0,
                tokens: &tokens,
            })
            .unwrap();
            theirs.push(b'\n');
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }
}
