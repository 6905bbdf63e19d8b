//! Server-sent events as OpenAI-compatible providers stream them: `data: {json}` lines, events
//! separated by a blank line, `: comment` keep-alives, `data: [DONE]` at the end, usage in the last
//! chunk. Bytes arrive in arbitrary pieces — inside a line, inside a multi-byte UTF-8 character — so
//! the parser buffers bytes and decodes only whole lines.

use super::budget::Usage;
use serde::Deserialize;

/// One decoded piece of the stream.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Reply text to append.
    Text(String),
    /// The model stopped: "stop", or "length" when it hit max_tokens.
    Finish(String),
    Usage(Usage),
    /// An error object sent inside the stream (some providers report late failures this way).
    Error {
        code: String,
        message: String,
    },
    Done,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("malformed stream: {0}")]
pub struct Malformed(pub String);

#[derive(Debug, Default)]
pub struct SseParser {
    line: Vec<u8>,
    /// The last byte was '\r': a following '\n' belongs to the same line break.
    after_cr: bool,
    data: Option<String>,
}

impl SseParser {
    /// Feeds a piece of the body; returns the events it completed.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<Vec<Event>, Malformed> {
        let mut out = Vec::new();
        for &b in bytes {
            if self.after_cr && b == b'\n' {
                self.after_cr = false;
                continue;
            }
            self.after_cr = b == b'\r';
            if b == b'\n' || b == b'\r' {
                let line = std::mem::take(&mut self.line);
                self.line_done(&line, &mut out)?;
            } else {
                self.line.push(b);
                if self.line.len() > 1 << 20 {
                    return Err(Malformed("a line longer than 1 MiB".into()));
                }
            }
        }
        Ok(out)
    }

    /// The body ended: a last event without its blank line still counts (lenient, as browsers are
    /// not for EventSource, but a proxy may drop the final newline).
    pub fn finish(&mut self) -> Result<Vec<Event>, Malformed> {
        let mut out = Vec::new();
        let line = std::mem::take(&mut self.line);
        if !line.is_empty() {
            self.line_done(&line, &mut out)?;
        }
        self.line_done(b"", &mut out)?;
        Ok(out)
    }

    fn line_done(&mut self, line: &[u8], out: &mut Vec<Event>) -> Result<(), Malformed> {
        if line.is_empty() {
            if let Some(data) = self.data.take() {
                decode(&data, out)?;
            }
            return Ok(());
        }
        let line = std::str::from_utf8(line).map_err(|_| Malformed("invalid UTF-8".into()))?;
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "" => {} // a comment (keep-alive)
            "data" => match &mut self.data {
                Some(d) => {
                    d.push('\n');
                    d.push_str(value);
                }
                None => self.data = Some(value.to_string()),
            },
            _ => {} // event:, id:, retry: — nothing we need
        }
        Ok(())
    }
}

#[derive(Deserialize)]
struct Chunk {
    #[serde(default)]
    choices: Vec<Choice>,
    usage: Option<WireUsage>,
    error: Option<WireError>,
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    delta: Option<Delta>,
    /// Non-streamed replies carry `message` instead of `delta`.
    #[serde(default)]
    message: Option<Delta>,
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct Delta {
    content: Option<String>,
}

#[derive(Deserialize)]
struct WireUsage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
}

#[derive(Deserialize)]
pub(crate) struct WireError {
    #[serde(default, deserialize_with = "any_string")]
    pub code: String,
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub message: String,
}

/// Providers send error codes as strings or numbers.
fn any_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// One `data:` payload (also a whole non-streamed JSON reply) → events.
pub fn decode(data: &str, out: &mut Vec<Event>) -> Result<(), Malformed> {
    let data = data.trim();
    if data == "[DONE]" {
        out.push(Event::Done);
        return Ok(());
    }
    let chunk: Chunk = serde_json::from_str(data)
        .map_err(|e| Malformed(format!("{e} in {:?}", data.chars().take(80).collect::<String>())))?;
    if let Some(e) = chunk.error {
        let code = if e.code.is_empty() { e.kind } else { e.code };
        out.push(Event::Error { code, message: e.message });
        return Ok(());
    }
    if chunk.choices.is_empty() && chunk.usage.is_none() {
        return Err(Malformed("a chunk with neither choices nor usage".into()));
    }
    for c in chunk.choices {
        if let Some(text) = c.delta.or(c.message).and_then(|d| d.content).filter(|t| !t.is_empty()) {
            out.push(Event::Text(text));
        }
        if let Some(f) = c.finish_reason.filter(|f| !f.is_empty()) {
            out.push(Event::Finish(f));
        }
    }
    if let Some(u) = chunk.usage {
        out.push(Event::Usage(Usage { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stream() -> String {
        [
            ": keep-alive\n\n",
            "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"最多人问3号链接的尺码，\"}}]}\r\n\r\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"建议讲尺码表 👗\"}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300,\"total_tokens\":1500}}\n\n",
            "data: [DONE]\n\n",
        ]
        .concat()
    }

    fn expected() -> Vec<Event> {
        vec![
            Event::Text("最多人问3号链接的尺码，".into()),
            Event::Text("建议讲尺码表 👗".into()),
            Event::Finish("stop".into()),
            Event::Usage(Usage { prompt_tokens: 1200, completion_tokens: 300 }),
            Event::Done,
        ]
    }

    fn parse_in_pieces(bytes: &[u8], cuts: &[usize]) -> Vec<Event> {
        let mut p = SseParser::default();
        let mut out = Vec::new();
        let mut at = 0;
        for &c in cuts {
            let c = c.clamp(at, bytes.len());
            out.extend(p.feed(&bytes[at..c]).unwrap());
            at = c;
        }
        out.extend(p.feed(&bytes[at..]).unwrap());
        out.extend(p.finish().unwrap());
        out
    }

    #[test]
    fn whole_stream() {
        assert_eq!(parse_in_pieces(stream().as_bytes(), &[]), expected());
    }

    #[test]
    fn byte_by_byte() {
        let s = stream();
        let cuts: Vec<usize> = (1..s.len()).collect();
        assert_eq!(parse_in_pieces(s.as_bytes(), &cuts), expected());
    }

    proptest! {
        #[test]
        fn any_split_gives_the_same_events(mut cuts in proptest::collection::vec(0usize..700, 0..12)) {
            cuts.sort();
            prop_assert_eq!(parse_in_pieces(stream().as_bytes(), &cuts), expected());
        }
    }

    #[test]
    fn multi_line_data_and_errors() {
        let mut p = SseParser::default();
        let ev = p.feed(b"event: error\ndata: {\"error\":{\"code\":\"rate_limit\",\n\ndata: x\n\n").unwrap_err();
        assert!(ev.0.contains("EOF"), "{ev}");
        let mut p = SseParser::default();
        let ev = p.feed(b"data: {\"error\":{\"code\":500,\ndata: \"message\":\"boom\"}}\n\n").unwrap();
        assert_eq!(ev, vec![Event::Error { code: "500".into(), message: "boom".into() }]);
    }

    #[test]
    fn garbage_is_malformed_and_a_missing_final_newline_is_tolerated() {
        assert!(SseParser::default().feed(b"data: <html>\n\n").is_err());
        assert!(SseParser::default().feed(b"data: {\"id\":1}\n\n").is_err());
        let mut p = SseParser::default();
        assert_eq!(p.feed(b"data: [DONE]").unwrap(), vec![]);
        assert_eq!(p.finish().unwrap(), vec![Event::Done]);
    }
}
