//! The LLM assistant's transport (wasm32 only), the one module of it that touches the web: POST a
//! prepared Chat Completions request with gloo-net (it calls the global `fetch`, so it runs in the
//! service worker, which holds the host permission), read the body stream chunk by chunk, parse it
//! with `llm::sse`, and report the reply as it grows. gloo-net's EventSource cannot POST, hence the
//! raw body stream. Everything that decides anything is in `crate::llm`; this only moves bytes and
//! turns browser failures into `LlmError` kinds.

use crate::llm::budget::Usage;
use crate::llm::errors::{ErrorKind, LlmError};
use crate::llm::sanitize::MAX_REPLY_CHARS;
use crate::llm::sse::{self, Event, SseParser};
use gloo_net::http::Request;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

/// The whole call, headers to last byte.
pub const TOTAL_TIMEOUT_MS: u32 = 90_000;
/// Silence (no headers, no bytes) this long means the provider is stuck.
pub const IDLE_TIMEOUT_MS: u32 = 25_000;
/// The raw reply (summary + answers + profile) is cut here; the shown part has its own cap.
const MAX_RAW_CHARS: usize = 4 * MAX_REPLY_CHARS;

/// What came back (also the partial result attached to a failure).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Streamed {
    pub text: String,
    pub usage: Option<Usage>,
    pub finish: Option<String>,
    /// Any byte of the reply body arrived (the provider may bill a broken call).
    pub received: bool,
}

pub struct Failed {
    pub error: LlmError,
    pub partial: Streamed,
}

fn fail(kind: ErrorKind, message: impl Into<String>, partial: &Streamed) -> Failed {
    Failed { error: LlmError::new(kind, message), partial: partial.clone() }
}

/// `p`, or `None` if `ms` pass first (the timer is cleared either way).
async fn within(p: Promise, ms: u32) -> Result<Option<JsValue>, JsValue> {
    let global = js_sys::global();
    let set: Function = Reflect::get(&global, &"setTimeout".into())?.unchecked_into();
    let clear: Function = Reflect::get(&global, &"clearTimeout".into())?.unchecked_into();
    let late = Object::new();
    let mut timer = JsValue::UNDEFINED;
    let sleep = Promise::new(&mut |resolve, _| {
        timer = set.call3(&JsValue::NULL, &resolve, &ms.into(), &late).unwrap_or(JsValue::UNDEFINED);
    });
    let won = JsFuture::from(Promise::race(&Array::of2(&p, &sleep))).await;
    let _ = clear.call1(&JsValue::NULL, &timer);
    let v = won?;
    Ok(if Object::is(&v, &late) { None } else { Some(v) })
}

/// Why a fetch or a read was rejected: our cancel, a timeout, or the network.
fn rejected(cancel: &AbortSignal, deadline: &AbortSignal, e: &JsValue, partial: &Streamed) -> Failed {
    if cancel.aborted() {
        fail(ErrorKind::Cancelled, "cancelled", partial)
    } else if deadline.aborted() {
        fail(ErrorKind::Timeout, format!("no complete reply within {} s", TOTAL_TIMEOUT_MS / 1000), partial)
    } else if partial.received {
        fail(ErrorKind::Truncated, format!("the connection broke mid-reply: {e:?}"), partial)
    } else {
        fail(ErrorKind::NetworkDown, format!("{e:?}"), partial)
    }
}

/// Sends one request and streams its reply; `on_text(view(raw_so_far))` is called as text arrives.
pub async fn stream(
    url: &str,
    body: &str,
    key: &str,
    cancel: &AbortSignal,
    on_text: &Function,
    view: fn(&str) -> String,
) -> Result<Streamed, Failed> {
    let mut out = Streamed::default();
    let stop = AbortController::new().map_err(|e| fail(ErrorKind::NetworkDown, format!("{e:?}"), &out))?;
    let deadline = AbortSignal::timeout_with_u32(TOTAL_TIMEOUT_MS);
    let signal = AbortSignal::any(&Array::of3(cancel, &stop.signal(), &deadline));
    let mut req = Request::post(url).header("Content-Type", "application/json").header("Accept", "text/event-stream");
    if !key.is_empty() {
        req = req.header("Authorization", &format!("Bearer {key}"));
    }
    let req =
        req.abort_signal(Some(&signal)).body(body).map_err(|e| fail(ErrorKind::BadRequest, e.to_string(), &out))?;
    // gloo-net's send is a future; as a promise it can race the idle timer like every read below.
    let sending = wasm_bindgen_futures::future_to_promise(async move {
        let resp = req.send().await.map_err(|e| JsValue::from_str(&e.to_string()))?;
        Ok(JsValue::from(web_sys::Response::from(resp)))
    });
    let sent = within(sending, IDLE_TIMEOUT_MS).await;
    let resp: web_sys::Response = match sent {
        Ok(Some(r)) => r.unchecked_into(),
        Ok(None) => {
            stop.abort();
            return Err(fail(ErrorKind::Timeout, format!("no answer within {} s", IDLE_TIMEOUT_MS / 1000), &out));
        }
        Err(e) => return Err(rejected(cancel, &deadline, &e, &out)),
    };
    let status = resp.status();
    if !(200..300).contains(&status) {
        let retry_after = resp.headers().get("retry-after").ok().flatten();
        let text = match resp.text() {
            Ok(p) => within(p, IDLE_TIMEOUT_MS).await.ok().flatten().and_then(|v| v.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        return Err(Failed { error: LlmError::from_http(status, &text, retry_after.as_deref()), partial: out });
    }
    let json = resp.headers().get("content-type").ok().flatten().is_some_and(|t| t.contains("application/json"));
    let Some(body) = resp.body() else { return Err(fail(ErrorKind::MalformedStream, "empty body", &out)) };
    let reader = ReadableStreamDefaultReader::new(&body).map_err(|e| rejected(cancel, &deadline, &e, &out))?;
    let mut parser = SseParser::default();
    let mut whole = Vec::new(); // a non-streamed JSON reply, decoded at the end
    let mut done = false;
    loop {
        let chunk = match within(reader.read(), IDLE_TIMEOUT_MS).await {
            Ok(Some(c)) => c,
            Ok(None) => {
                stop.abort();
                return Err(fail(ErrorKind::Timeout, format!("no data for {} s", IDLE_TIMEOUT_MS / 1000), &out));
            }
            Err(e) => return Err(rejected(cancel, &deadline, &e, &out)),
        };
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let bytes = Reflect::get(&chunk, &"value".into())
            .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
            .unwrap_or_default();
        out.received |= !bytes.is_empty();
        let events = if json {
            whole.extend_from_slice(&bytes);
            Vec::new()
        } else {
            parser.feed(&bytes).map_err(|m| fail(ErrorKind::MalformedStream, m.0, &out))?
        };
        if apply(events, &mut out, &mut done, on_text, view)? {
            stop.abort();
            return Err(fail(ErrorKind::TooLong, "the reply was longer than the overlay shows", &out));
        }
    }
    let mut events = Vec::new();
    if json {
        let text = String::from_utf8_lossy(&whole);
        sse::decode(&text, &mut events).map_err(|m| fail(ErrorKind::MalformedStream, m.0, &out))?;
        done = true;
    } else {
        events = parser.finish().map_err(|m| fail(ErrorKind::MalformedStream, m.0, &out))?;
    }
    apply(events, &mut out, &mut done, on_text, view)?;
    if !done && out.finish.is_none() {
        return Err(fail(ErrorKind::Truncated, "the stream ended before the reply did", &out));
    }
    Ok(out)
}

/// Applies decoded events; true when the reply grew past the cap.
fn apply(
    events: Vec<Event>,
    out: &mut Streamed,
    done: &mut bool,
    on_text: &Function,
    view: fn(&str) -> String,
) -> Result<bool, Failed> {
    let mut grew = false;
    for ev in events {
        match ev {
            Event::Text(t) => {
                out.text.push_str(&t);
                grew = true;
            }
            Event::Finish(f) => out.finish = Some(f),
            Event::Usage(u) => out.usage = Some(u),
            Event::Done => *done = true,
            Event::Error { code, message } => {
                let status = if code.contains("429") || code.to_lowercase().contains("rate") { 429 } else { 500 };
                let body = serde_json::json!({ "error": { "code": code, "message": message } }).to_string();
                return Err(Failed { error: LlmError::from_http(status, &body, None), partial: out.clone() });
            }
        }
    }
    if grew {
        // A throwing listener must not break the stream.
        let _ = on_text.call1(&JsValue::NULL, &JsValue::from_str(&view(&out.text)));
    }
    Ok(out.text.chars().count() > MAX_RAW_CHARS)
}
