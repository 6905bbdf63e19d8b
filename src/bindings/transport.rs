//! The LLM transport: POST a prepared Chat Completions request with gloo-net (it calls the global
//! `fetch`, so it runs in the service worker, which holds the host permission) and hand the body
//! stream to `Reply` chunk by chunk. gloo-net's EventSource cannot POST, hence the raw body stream.
//! It only moves bytes and says which signal ended a call; `llm::stream::Reply` decides the rest.

use crate::llm::ErrorKind;
use crate::llm::stream::{Failed, IDLE_TIMEOUT_MS, Rejected, Reply, Streamed, TOTAL_TIMEOUT_MS, Waiting};
use gloo_net::http::Request;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

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

/// Which signal explains a rejection.
fn why(cancel: &AbortSignal, deadline: &AbortSignal) -> Rejected {
    if cancel.aborted() {
        Rejected::Cancelled
    } else if deadline.aborted() {
        Rejected::Deadline
    } else {
        Rejected::Network
    }
}

/// Sends one request and streams its reply; `on_text(view(raw_so_far))` is called as text arrives.
pub(super) async fn stream(
    url: &str,
    body: &str,
    key: &str,
    cancel: &AbortSignal,
    on_text: &Function,
    view: fn(&str) -> String,
) -> Result<Streamed, Failed> {
    let stop = AbortController::new().map_err(|e| Reply::failed(ErrorKind::NetworkDown, format!("{e:?}")))?;
    let deadline = AbortSignal::timeout_with_u32(TOTAL_TIMEOUT_MS);
    let signal = AbortSignal::any(&Array::of3(cancel, &stop.signal(), &deadline));
    let mut req = Request::post(url).header("Content-Type", "application/json").header("Accept", "text/event-stream");
    if !key.is_empty() {
        req = req.header("Authorization", &format!("Bearer {key}"));
    }
    let req =
        req.abort_signal(Some(&signal)).body(body).map_err(|e| Reply::failed(ErrorKind::BadRequest, e.to_string()))?;
    // gloo-net's send is a future; as a promise it can race the idle timer like every read below.
    let sending = wasm_bindgen_futures::future_to_promise(async move {
        let resp = req.send().await.map_err(|e| JsValue::from_str(&e.to_string()))?;
        Ok(JsValue::from(web_sys::Response::from(resp)))
    });
    let none = Reply::new(None);
    let resp: web_sys::Response = match within(sending, IDLE_TIMEOUT_MS).await {
        Ok(Some(r)) => r.unchecked_into(),
        Ok(None) => {
            stop.abort();
            return Err(none.silent(Waiting::Headers));
        }
        Err(e) => return Err(none.rejected(why(cancel, &deadline), &format!("{e:?}"))),
    };
    let header = |name: &str| resp.headers().get(name).ok().flatten();
    let status = resp.status();
    if !(200..300).contains(&status) {
        let text = match resp.text() {
            Ok(p) => within(p, IDLE_TIMEOUT_MS).await.ok().flatten().and_then(|v| v.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        return Err(Reply::http_error(status, &text, header("retry-after").as_deref()));
    }
    let mut reply = Reply::new(header("content-type").as_deref());
    let Some(body) = resp.body() else { return Err(Reply::failed(ErrorKind::MalformedStream, "empty body")) };
    let reader = ReadableStreamDefaultReader::new(&body)
        .map_err(|e| reply.rejected(why(cancel, &deadline), &format!("{e:?}")))?;
    let show = |text: &str| {
        // A throwing listener must not break the stream.
        let _ = on_text.call1(&JsValue::NULL, &JsValue::from_str(&view(text)));
    };
    loop {
        let chunk = match within(reader.read(), IDLE_TIMEOUT_MS).await {
            Ok(Some(c)) => c,
            Ok(None) => {
                stop.abort();
                return Err(reply.silent(Waiting::Body));
            }
            Err(e) => return Err(reply.rejected(why(cancel, &deadline), &format!("{e:?}"))),
        };
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let bytes = Reflect::get(&chunk, &"value".into())
            .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
            .unwrap_or_default();
        match reply.feed(&bytes) {
            Ok(true) => show(reply.text()),
            Ok(false) => {}
            Err(f) => {
                stop.abort();
                return Err(f);
            }
        }
    }
    let (grew, out) = reply.end()?;
    if grew {
        show(&out.text);
    }
    Ok(out)
}
