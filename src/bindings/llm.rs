//! The LLM assistant's side of the wasm boundary (src/llm/, transport in src/bindings/fetch.rs): the same
//! rule as the parent module — convert, delegate, convert back.

use super::{RadarEngine, set, to_js, typed_error};
use crate::llm::digest::Recent;
use crate::llm::{Assistant, ErrorKind, LlmError, Outcome, Settings};
use serde::Serialize;
use wasm_bindgen::prelude::*;

impl From<LlmError> for JsValue {
    fn from(e: LlmError) -> JsValue {
        let err = typed_error(e.kind.name(), &e.message);
        set(&err, "code", JsValue::from_str(e.kind.name()));
        set(&err, "status", JsValue::from(e.status));
        if let Some(ms) = e.retry_after_ms {
            set(&err, "retryAfterMs", JsValue::from(ms as f64));
        }
        err
    }
}

fn llm_settings(value: JsValue) -> Result<Settings, JsValue> {
    let s: Settings =
        serde_wasm_bindgen::from_value(value).map_err(|e| typed_error("SettingsError", &e.to_string()))?;
    s.normalized().map_err(|e| {
        let err = typed_error("SettingsError", &e.to_string());
        set(&err, "field", JsValue::from_str(e.field));
        err
    })
}

/// The provider presets: `[{id, name, base_url, model, price_in, price_out, console}]`.
#[wasm_bindgen(js_name = llmPresets)]
pub fn llm_presets() -> Result<JsValue, JsValue> {
    to_js(&crate::llm::PRESETS)
}

/// Settings with blanks filled from the preset, plus `origin` (the host permission they need); a bad
/// field throws a SettingsError with `field`.
#[wasm_bindgen(js_name = llmCheckSettings)]
pub fn llm_check_settings(settings: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Checked {
        settings: Settings,
        origin: String,
    }
    let s = llm_settings(settings)?;
    to_js(&Checked { origin: s.origin_pattern(), settings: s })
}

/// "Test connection": the smallest real request, `{url, body}`, to send with `llmStream`.
#[wasm_bindgen(js_name = llmTestRequest)]
pub fn llm_test_request(settings: JsValue) -> Result<JsValue, JsValue> {
    let s = llm_settings(settings)?;
    to_js(&crate::llm::Prepared {
        url: s.endpoint(),
        body: crate::llm::prompt::test_request(&s).body(),
        worst_case_tokens: 0,
    })
}

/// Sends a prepared request and streams the reply: `onText(shown)` as it grows (`shown` is the part a
/// host reads). Resolves `{text, usage, finish, received}`; rejects with a typed Error (name and
/// `code` = Unauthorized, RateLimited…, `status`, `retryAfterMs`) carrying `partial`.
#[wasm_bindgen(js_name = llmStream)]
pub async fn llm_stream(
    url: String,
    body: String,
    key: String,
    cancel: web_sys::AbortSignal,
    on_text: js_sys::Function,
) -> Result<JsValue, JsValue> {
    match super::fetch::stream(&url, &body, &key, &cancel, &on_text, crate::llm::reply::visible).await {
        Ok(out) => to_js(&out),
        Err(f) => {
            let err = JsValue::from(f.error);
            set(&err, "partial", to_js(&f.partial)?);
            Err(err)
        }
    }
}

/// One room's assistant: budget, profile, last summary and answers; prepares calls and digests their
/// outcomes (see src/llm/session.rs).
#[wasm_bindgen]
pub struct LlmAssistant {
    inner: Assistant,
}

#[wasm_bindgen]
impl LlmAssistant {
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue, now_ms: f64) -> Result<LlmAssistant, JsValue> {
        Ok(LlmAssistant { inner: Assistant::new(llm_settings(settings)?, now_ms as i64) })
    }

    pub fn restore(json: &str) -> Result<LlmAssistant, JsValue> {
        let inner: Assistant =
            serde_json::from_str(json).map_err(|e| typed_error("CheckpointError", &e.to_string()))?;
        Ok(LlmAssistant { inner: inner.restored() })
    }

    pub fn save(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&mut self, settings: JsValue) -> Result<(), JsValue> {
        self.inner.set_settings(llm_settings(settings)?);
        Ok(())
    }

    /// `{url, body, worst_case_tokens}` for the next summary, or null when an automatic call has
    /// nothing new; throws BudgetExhausted, RateLimited, NotConfigured…
    #[wasm_bindgen(js_name = prepareSummary)]
    pub fn prepare_summary(
        &mut self,
        engine: &RadarEngine,
        recent: JsValue,
        automatic: bool,
        now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let recent: Vec<Recent> =
            serde_wasm_bindgen::from_value(recent).map_err(|e| typed_error("InputError", &e.to_string()))?;
        let snap = engine.inner.snapshot();
        to_js(&self.inner.prepare_summary(&snap, engine.inner.catalog(), &recent, automatic, now_ms as i64)?)
    }

    /// `{answer}` when it is known without a call, else `{url, body, worst_case_tokens}`.
    #[wasm_bindgen(js_name = prepareAnswer)]
    pub fn prepare_answer(&mut self, engine: &RadarEngine, group: u32, now_ms: f64) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Known {
            answer: String,
        }
        let snap = engine.inner.snapshot();
        match self.inner.prepare_answer(group, &snap, engine.inner.catalog(), now_ms as i64)? {
            Ok(answer) => to_js(&Known { answer }),
            Err(call) => to_js(&call),
        }
    }

    /// The outcome `llmStream` resolved with → the view (summary, answers, profile, spend, status).
    pub fn finish(&mut self, outcome: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
        let out: Outcome =
            serde_wasm_bindgen::from_value(outcome).map_err(|e| typed_error("InputError", &e.to_string()))?;
        to_js(&self.inner.finish(out, now_ms as i64))
    }

    /// The typed Error `llmStream` rejected with (its `partial` kept) → the view with its status.
    pub fn fail(&mut self, error: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
        let get = |k: &str| js_sys::Reflect::get(&error, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let kind = ErrorKind::from_name(&get("name").as_string().unwrap_or_default());
        let mut e = LlmError::new(kind, get("message").as_string().unwrap_or_default());
        e.status = get("status").as_f64().unwrap_or(0.0) as u16;
        e.retry_after_ms = get("retryAfterMs").as_f64().map(|ms| ms as u64);
        let mut out: Outcome = serde_wasm_bindgen::from_value(get("partial")).unwrap_or_default();
        out.error = Some(e.clone());
        to_js(&self.inner.finish(out, now_ms as i64))
    }

    pub fn view(&self, now_ms: f64) -> Result<JsValue, JsValue> {
        to_js(&self.inner.view(now_ms as i64))
    }
}
