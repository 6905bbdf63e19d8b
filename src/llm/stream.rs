//! One streamed reply as the transport receives it, decided here so that it is tested natively: the
//! body is SSE (or one JSON object when the provider ignores `stream`), events grow the reply, an
//! error inside the stream or a reply past the cap ends it, and every way a call can break — our
//! cancel, a deadline, silence, a broken connection — becomes one `LlmError` kind with the partial
//! reply kept. The wasm transport (`bindings`) only moves bytes and reports what the browser saw.

use super::budget::Usage;
use super::errors::{ErrorKind, LlmError};
use super::sanitize::MAX_REPLY_CHARS;
use super::sse::{self, Event, SseParser};
use serde::Serialize;

/// The whole call, headers to last byte.
pub const TOTAL_TIMEOUT_MS: u32 = 90_000;
/// Silence (no headers, no bytes) this long means the provider is stuck.
pub const IDLE_TIMEOUT_MS: u32 = 25_000;
/// The raw reply (summary + answers + profile) is cut here; the shown part has its own cap.
const MAX_RAW_CHARS: usize = 4 * MAX_REPLY_CHARS;

/// What came back (also the partial result attached to a failure).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Streamed {
    pub text: String,
    pub usage: Option<Usage>,
    pub finish: Option<String>,
    /// Any byte of the reply body arrived (the provider may bill a broken call).
    pub received: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub error: LlmError,
    /// Boxed: a failure is rare, and every `Result` of a chunk would otherwise carry its size.
    pub partial: Box<Streamed>,
}

/// Why the browser rejected a fetch or a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The caller's cancel signal fired.
    Cancelled,
    /// The whole-call deadline fired.
    Deadline,
    /// Anything else: the network.
    Network,
}

/// Silence while waiting for headers or for the next chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    Headers,
    Body,
}

/// The reply as it arrives.
#[derive(Debug, Default)]
pub struct Reply {
    out: Streamed,
    parser: SseParser,
    /// The body is one JSON object (decoded at the end), not an event stream.
    json: bool,
    whole: Vec<u8>,
    done: bool,
    /// Characters in `out.text`, counted as they arrive (recounting the whole reply per chunk is
    /// quadratic in its length).
    chars: usize,
}

impl Reply {
    /// A reply whose headers said `content_type`.
    pub fn new(content_type: Option<&str>) -> Reply {
        Reply { json: content_type.is_some_and(|t| t.contains("application/json")), ..Reply::default() }
    }

    pub fn text(&self) -> &str {
        &self.out.text
    }

    /// A piece of the body. `Ok(true)`: the reply text grew (show it again).
    pub fn feed(&mut self, bytes: &[u8]) -> Result<bool, Failed> {
        self.out.received |= !bytes.is_empty();
        if self.json {
            self.whole.extend_from_slice(bytes);
            return Ok(false);
        }
        let events = self.parser.feed(bytes).map_err(|m| self.fail(ErrorKind::MalformedStream, m.0))?;
        self.apply(events)
    }

    /// The body ended: the last events, then the whole reply — or Truncated when it stopped early.
    /// `Ok((grew, reply))` as for `feed`.
    pub fn end(mut self) -> Result<(bool, Streamed), Failed> {
        let mut events = Vec::new();
        if self.json {
            let text = String::from_utf8_lossy(&self.whole).into_owned();
            sse::decode(&text, &mut events).map_err(|m| self.fail(ErrorKind::MalformedStream, m.0))?;
            self.done = true;
        } else {
            events = self.parser.finish().map_err(|m| self.fail(ErrorKind::MalformedStream, m.0))?;
        }
        let grew = self.apply(events)?;
        if !self.done && self.out.finish.is_none() {
            return Err(self.fail(ErrorKind::Truncated, "the stream ended before the reply did"));
        }
        Ok((grew, self.out))
    }

    /// The provider answered with an HTTP error instead of a reply.
    pub fn http_error(status: u16, body: &str, retry_after: Option<&str>) -> Failed {
        Failed { error: LlmError::from_http(status, body, retry_after), partial: Box::default() }
    }

    /// The browser rejected the fetch or a read; `detail` is its message.
    pub fn rejected(&self, why: Rejected, detail: &str) -> Failed {
        match why {
            Rejected::Cancelled => self.fail(ErrorKind::Cancelled, "cancelled"),
            Rejected::Deadline => {
                self.fail(ErrorKind::Timeout, format!("no complete reply within {} s", TOTAL_TIMEOUT_MS / 1000))
            }
            Rejected::Network if self.out.received => {
                self.fail(ErrorKind::Truncated, format!("the connection broke mid-reply: {detail}"))
            }
            Rejected::Network => self.fail(ErrorKind::NetworkDown, detail),
        }
    }

    /// Nothing arrived for `IDLE_TIMEOUT_MS`.
    pub fn silent(&self, waiting: Waiting) -> Failed {
        let s = IDLE_TIMEOUT_MS / 1000;
        match waiting {
            Waiting::Headers => self.fail(ErrorKind::Timeout, format!("no answer within {s} s")),
            Waiting::Body => self.fail(ErrorKind::Timeout, format!("no data for {s} s")),
        }
    }

    /// A failure before any reply exists (the request could not be built or sent).
    pub fn failed(kind: ErrorKind, message: impl Into<String>) -> Failed {
        Failed { error: LlmError::new(kind, message), partial: Box::default() }
    }

    fn fail(&self, kind: ErrorKind, message: impl Into<String>) -> Failed {
        Failed { error: LlmError::new(kind, message), partial: Box::new(self.out.clone()) }
    }

    fn apply(&mut self, events: Vec<Event>) -> Result<bool, Failed> {
        let mut grew = false;
        for ev in events {
            match ev {
                Event::Text(t) => {
                    self.out.text.push_str(&t);
                    self.chars += t.chars().count();
                    grew = true;
                }
                Event::Finish(f) => self.out.finish = Some(f),
                Event::Usage(u) => self.out.usage = Some(u),
                Event::Done => self.done = true,
                Event::Error { code, message } => {
                    // Late failures in the stream carry a code, not a status: classify them as the
                    // HTTP answer they stand for.
                    let lower = code.to_lowercase();
                    let status = if code.contains("429") || lower.contains("rate") { 429 } else { 500 };
                    let body = serde_json::json!({ "error": { "code": code, "message": message } }).to_string();
                    return Err(Failed {
                        error: LlmError::from_http(status, &body, None),
                        partial: Box::new(self.out.clone()),
                    });
                }
            }
        }
        if self.chars > MAX_RAW_CHARS {
            return Err(self.fail(ErrorKind::TooLong, "the reply was longer than the overlay shows"));
        }
        Ok(grew)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(text: &str) -> String {
        format!("data: {}\n\n", serde_json::json!({"choices": [{"delta": {"content": text}}]}))
    }

    #[test]
    fn a_reply_split_anywhere_reads_whole() {
        let body = format!(
            "{}{}data: {}\n\ndata: [DONE]\n\n",
            chunk("价格"),
            chunk("99元"),
            serde_json::json!({"choices": [{"delta": {}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 10, "completion_tokens": 3}})
        );
        let bytes = body.as_bytes();
        for cut in 1..bytes.len() {
            let mut r = Reply::new(Some("text/event-stream"));
            r.feed(&bytes[..cut]).unwrap();
            r.feed(&bytes[cut..]).unwrap();
            let (_, out) = r.end().unwrap();
            assert_eq!(out.text, "价格99元", "cut at {cut}");
            assert_eq!(out.finish.as_deref(), Some("stop"));
            assert_eq!(out.usage.map(|u| u.completion_tokens), Some(3));
            assert!(out.received);
        }
    }

    #[test]
    fn growth_is_reported_only_when_text_arrives() {
        let mut r = Reply::new(None);
        assert!(!r.feed(b": keep-alive\n\n").unwrap());
        assert!(r.feed(chunk("好").as_bytes()).unwrap());
        assert_eq!(r.text(), "好");
    }

    #[test]
    fn a_plain_json_reply_is_decoded_at_the_end() {
        let body =
            serde_json::json!({"choices": [{"message": {"content": "全部"}, "finish_reason": "stop"}]}).to_string();
        let mut r = Reply::new(Some("application/json; charset=utf-8"));
        assert!(!r.feed(&body.as_bytes()[..7]).unwrap());
        r.feed(&body.as_bytes()[7..]).unwrap();
        let (grew, out) = r.end().unwrap();
        assert!(grew);
        assert_eq!(out.text, "全部");
    }

    #[test]
    fn a_stream_that_stops_early_is_truncated_with_its_text_kept() {
        let mut r = Reply::new(None);
        r.feed(chunk("一半").as_bytes()).unwrap();
        let f = r.end().unwrap_err();
        assert_eq!(f.error.kind, ErrorKind::Truncated);
        assert_eq!(f.partial.text, "一半");
    }

    #[test]
    fn an_error_inside_the_stream_is_classified() {
        let mut r = Reply::new(None);
        r.feed(chunk("先").as_bytes()).unwrap();
        let late = r#"data: {"error": {"code": "rate_limit_exceeded", "message": "slow down"}}"#;
        let f = r.feed(format!("{late}\n\n").as_bytes()).unwrap_err();
        assert_eq!(f.error.kind, ErrorKind::RateLimited);
        assert_eq!(f.partial.text, "先");
        let mut r = Reply::new(None);
        let f = r.feed(b"data: {\"error\": {\"code\": \"overloaded\", \"message\": \"busy\"}}\n\n").unwrap_err();
        assert_eq!(f.error.kind, ErrorKind::ServerError);
    }

    #[test]
    fn a_reply_past_the_cap_is_cut() {
        let mut r = Reply::new(None);
        let long = "长".repeat(MAX_RAW_CHARS + 1);
        let f = r.feed(chunk(&long).as_bytes()).unwrap_err();
        assert_eq!(f.error.kind, ErrorKind::TooLong);
        // Counted across chunks, not per chunk.
        let mut r = Reply::new(None);
        let half = "长".repeat(MAX_RAW_CHARS / 2 + 1);
        assert!(r.feed(chunk(&half).as_bytes()).unwrap());
        assert_eq!(r.feed(chunk(&half).as_bytes()).unwrap_err().error.kind, ErrorKind::TooLong);
    }

    #[test]
    fn broken_lines_are_malformed() {
        let mut r = Reply::new(None);
        let f = r.feed(b"data: {not json\n\n").unwrap_err();
        assert_eq!(f.error.kind, ErrorKind::MalformedStream);
    }

    #[test]
    fn rejections_say_why() {
        let mut r = Reply::new(None);
        assert_eq!(r.rejected(Rejected::Cancelled, "x").error.kind, ErrorKind::Cancelled);
        assert_eq!(r.rejected(Rejected::Deadline, "x").error.kind, ErrorKind::Timeout);
        assert_eq!(r.rejected(Rejected::Network, "offline").error.kind, ErrorKind::NetworkDown);
        assert_eq!(r.silent(Waiting::Headers).error.message, "no answer within 25 s");
        r.feed(chunk("半").as_bytes()).unwrap();
        let f = r.rejected(Rejected::Network, "reset");
        assert_eq!(f.error.kind, ErrorKind::Truncated);
        assert_eq!(f.partial.text, "半");
        assert_eq!(Reply::http_error(401, "", None).error.kind, ErrorKind::Unauthorized);
    }
}
