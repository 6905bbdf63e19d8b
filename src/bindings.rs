//! The wasm boundary (wasm32 only): every `#[wasm_bindgen]` item, and the only code that touches the
//! browser. Each function converts its arguments, calls the core, converts the result; the LLM
//! transport (`transport.rs`) moves bytes between `fetch` and `llm::stream::Reply`, which decides everything. Errors
//! cross as JS `Error`s whose `name` says which kind (CatalogError, CheckpointError, InputError,
//! SettingsError, and the assistant's Unauthorized, RateLimited… with `code`, `status`,
//! `retryAfterMs`) and which carry the fields a UI needs (`row`, `column`, `field`, `partial`).

use crate::catalog::{Catalog, CatalogError};
use crate::comment::Comment;
use crate::engine::{Config, Engine};
use crate::input::{self, InputError};
use crate::llm::digest::Recent;
use crate::llm::{Assistant, ErrorKind, LlmError, Outcome, Settings};
use crate::report::Report;
use crate::summary::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod transport;
use transport::stream;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| typed_error("SerializeError", &e.to_string()))
}

fn typed_error(name: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    e.into()
}

fn set(obj: &JsValue, key: &str, value: JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &value);
}

impl From<CatalogError> for JsValue {
    fn from(e: CatalogError) -> JsValue {
        let err = typed_error("CatalogError", &e.to_string());
        set(&err, "row", JsValue::from(e.row as u32));
        set(&err, "column", JsValue::from_str(&e.column));
        err
    }
}

fn input_error(e: InputError) -> JsValue {
    typed_error("InputError", &e.to_string())
}

/// A JS value as `T`; a wrong shape throws an InputError.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| typed_error("InputError", &e.to_string()))
}

/// Builds the shared tokenizer now (≈0.3 s) so the first batch does not pay for it.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    crate::tokenize::jieba();
}

/// One live room's engine.
#[wasm_bindgen]
pub struct RadarEngine {
    inner: Engine,
    /// Unreadable rows of the logs given to `pushLog`, for the report (as the CLI counts them).
    skipped: u64,
}

#[wasm_bindgen]
impl RadarEngine {
    /// `lang`: "zh-CN" (default) or "en", the language of the local summary.
    #[wasm_bindgen(constructor)]
    pub fn new(lang: Option<String>) -> RadarEngine {
        let config = Config { lang: Lang::from_tag(lang.as_deref().unwrap_or("zh-CN")), ..Config::default() };
        RadarEngine { inner: Engine::new(config), skipped: 0 }
    }

    /// Applies a batch of rows `[{text, user?, ts?, platform?, kind?}]` once: a retried batch (same or
    /// lower `seq` for the same `source`) is ignored and `false` is returned.
    #[wasm_bindgen(js_name = pushBatch)]
    pub fn push_batch(&mut self, source: &str, seq: f64, rows: JsValue) -> Result<bool, JsValue> {
        let rows: Vec<Comment> = from_js(rows)?;
        Ok(self.inner.push_batch(source, seq as u64, &rows))
    }

    /// `pushBatch` for rows given as one JSON array (`JSON.stringify(rows)`): one string crosses into
    /// wasm instead of every field of every row. Same rows, same exactly-once rule, same errors.
    #[wasm_bindgen(js_name = pushBatchJson)]
    pub fn push_batch_json(&mut self, source: &str, seq: f64, rows: &str) -> Result<bool, JsValue> {
        let rows = input::rows_json(rows).map_err(|e| typed_error("InputError", &e))?;
        Ok(self.inner.push_batch(source, seq as u64, &rows))
    }

    /// The last batch applied for `source` (0 if none): a reconnecting sender resends after it.
    #[wasm_bindgen(js_name = appliedSeq)]
    pub fn applied_seq(&self, source: &str) -> f64 {
        self.inner.applied_seq(source) as f64
    }

    /// Rows without delivery bookkeeping (the trial page's replay). Returns how many were applied.
    #[wasm_bindgen(js_name = pushRows)]
    pub fn push_rows(&mut self, rows: JsValue) -> Result<u32, JsValue> {
        let rows: Vec<Comment> = from_js(rows)?;
        for r in &rows {
            self.inner.push(r);
        }
        Ok(rows.len() as u32)
    }

    pub fn tick(&mut self, now_ms: f64) {
        self.inner.tick(now_ms as i64);
    }

    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.snapshot())
    }

    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_js(&self.whole_report())
    }

    /// The report as the CLI's `--format json` writes it (text, byte for byte). `answers`: the AI
    /// assistant's suggested answers as JSON `{question id: text}`, when it gave any.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self, answers: Option<String>) -> Result<String, JsValue> {
        Ok(self.report_with(answers)?.to_json())
    }

    /// The report as one self-contained HTML page (`--format html`), in the engine's language;
    /// `answers` as for `reportJson`.
    #[wasm_bindgen(js_name = reportHtml)]
    pub fn report_html(&self, answers: Option<String>) -> Result<String, JsValue> {
        Ok(crate::report::html::render(&self.report_with(answers)?, self.inner.config().lang))
    }

    /// The report's tables as CSV (`--format csv`).
    #[wasm_bindgen(js_name = reportCsv)]
    pub fn report_csv(&self) -> String {
        crate::report::csv::render(&self.whole_report())
    }

    /// A whole log file's text, read as the CLI's `analyze` reads it: rows without a time are spread
    /// at `rate` comments per minute. Returns `{rows, bad: [{line, reason}]}` counts of what was used;
    /// an unusable file throws an InputError.
    #[wasm_bindgen(js_name = pushLog)]
    pub fn push_log(&mut self, text: &str, format: &str, rate: f64) -> Result<JsValue, JsValue> {
        let pushed = self.inner.push_log(text, format, rate).map_err(input_error)?;
        self.skipped += pushed.bad.len() as u64;
        to_js(&pushed)
    }

    #[wasm_bindgen(js_name = markAnswered)]
    pub fn mark_answered(&mut self, group: u32) -> bool {
        self.inner.mark_answered(group)
    }

    #[wasm_bindgen(js_name = mergeQuestions)]
    pub fn merge_questions(&mut self, from: u32, into: u32) -> bool {
        self.inner.merge_questions(from, into)
    }

    #[wasm_bindgen(js_name = teachSame)]
    pub fn teach_same(&mut self, a: &str, b: &str) -> bool {
        self.inner.teach_same(a, b)
    }

    /// A catalog as CSV or JSON text; a bad file throws a CatalogError with `row` and `column`.
    #[wasm_bindgen(js_name = setCatalog)]
    pub fn set_catalog(&mut self, text: &str) -> Result<u32, JsValue> {
        let catalog = Catalog::parse(text)?;
        let n = catalog.products.len() as u32;
        self.inner.set_catalog(catalog);
        Ok(n)
    }

    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) {
        self.inner.set_lang(Lang::from_tag(lang));
    }

    fn whole_report(&self) -> Report {
        let mut r = Report::from_engine(&self.inner);
        r.skipped = self.skipped;
        r
    }

    fn report_with(&self, answers: Option<String>) -> Result<Report, JsValue> {
        match answers {
            Some(json) => {
                self.whole_report().with_answers_json(&json).map_err(|e| typed_error("InputError", &e.to_string()))
            }
            None => Ok(self.whole_report()),
        }
    }

    /// The whole state as bytes, for `RadarEngine.restore`.
    pub fn checkpoint(&self) -> Vec<u8> {
        self.inner.checkpoint()
    }

    pub fn restore(bytes: &[u8]) -> Result<RadarEngine, JsValue> {
        Engine::restore(bytes)
            .map(|inner| RadarEngine { inner, skipped: 0 })
            .map_err(|e| typed_error("CheckpointError", &e.to_string()))
    }
}

/// Parses a catalog (CSV or JSON) without an engine: the product count, or a CatalogError naming the
/// row and column (the options page checks an import before storing it).
#[wasm_bindgen(js_name = checkCatalog)]
pub fn check_catalog(text: &str) -> Result<u32, JsValue> {
    Ok(Catalog::parse(text)?.products.len() as u32)
}

/// Reads a log file's text (JSONL, CSV, TSV or one comment per line) into rows for `pushRows`.
/// Returns `{rows, bad: [{line, reason}]}`; an unusable file throws an InputError.
#[wasm_bindgen(js_name = parseLog)]
pub fn parse_log(text: &str, format: &str) -> Result<JsValue, JsValue> {
    to_js(&input::read_log(text, format).map_err(input_error)?)
}

// The LLM assistant (src/llm/).

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
    match stream(&url, &body, &key, &cancel, &on_text, crate::llm::reply::visible).await {
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
        let recent: Vec<Recent> = from_js(recent)?;
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
        let out: Outcome = from_js(outcome)?;
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
        out.error = Some(e);
        to_js(&self.inner.finish(out, now_ms as i64))
    }

    pub fn view(&self, now_ms: f64) -> Result<JsValue, JsValue> {
        to_js(&self.inner.view(now_ms as i64))
    }
}
