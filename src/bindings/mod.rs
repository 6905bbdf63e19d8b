//! The wasm boundary: every `#[wasm_bindgen]` item lives here (the LLM assistant's in `llm.rs`, its
//! HTTP transport in `fetch.rs`) and nothing else touches the browser. Each function converts arguments, calls the engine, converts the result — no
//! analysis logic. Errors cross as JS `Error`s whose `name` says which kind (CatalogError,
//! CheckpointError, InputError, and the LLM assistant's Unauthorized, RateLimited… with `code`,
//! `status`, `retryAfterMs`) and which carry the fields a UI needs (`row`, `column`).

use crate::catalog::{Catalog, CatalogError};
use crate::comment::Comment;
use crate::engine::{Config, Engine};
use crate::input::{self, Format, Pacer};
use crate::report::Report;
use crate::summary::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod fetch;
mod llm;

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

#[derive(Serialize)]
struct Bad {
    line: usize,
    reason: String,
}

/// What `pushLog` used: how many rows, and the lines it skipped.
#[derive(Serialize)]
struct Pushed {
    rows: u64,
    bad: Vec<Bad>,
}

fn parse_lang(lang: &str) -> Lang {
    if lang.starts_with("en") { Lang::En } else { Lang::Zh }
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
        let config = Config { lang: parse_lang(lang.as_deref().unwrap_or("zh-CN")), ..Config::default() };
        RadarEngine { inner: Engine::new(config), skipped: 0 }
    }

    /// Applies a batch of rows `[{text, user?, ts?, platform?, kind?}]` once: a retried batch (same or
    /// lower `seq` for the same `source`) is ignored and `false` is returned.
    #[wasm_bindgen(js_name = pushBatch)]
    pub fn push_batch(&mut self, source: &str, seq: f64, rows: JsValue) -> Result<bool, JsValue> {
        let rows: Vec<Comment> =
            serde_wasm_bindgen::from_value(rows).map_err(|e| typed_error("InputError", &e.to_string()))?;
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
        let rows: Vec<Comment> =
            serde_wasm_bindgen::from_value(rows).map_err(|e| typed_error("InputError", &e.to_string()))?;
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
        if !(rate > 0.0 && rate.is_finite()) {
            return Err(typed_error("InputError", "rate must be a positive number"));
        }
        let format = Format::parse(format).unwrap_or(Format::Auto);
        let iter = input::comments(text.as_bytes(), format).map_err(|e| typed_error("InputError", &e.to_string()))?;
        let mut pacer = Pacer::new(rate);
        let mut out = Pushed { rows: 0, bad: Vec::new() };
        for r in iter {
            match r {
                Ok((_, mut c)) => {
                    pacer.stamp(&mut c.ts, self.inner.now_ms());
                    self.inner.push(&c);
                    out.rows += 1;
                }
                Err(b) => out.bad.push(Bad { line: b.line, reason: b.reason }),
            }
        }
        self.skipped += out.bad.len() as u64;
        to_js(&out)
    }

    #[wasm_bindgen(js_name = markAnswered)]
    pub fn mark_answered(&mut self, group: u32) -> bool {
        self.inner.mark_answered(group)
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
        self.inner.set_lang(parse_lang(lang));
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
    #[derive(Serialize)]
    struct Parsed {
        rows: Vec<Comment>,
        bad: Vec<Bad>,
    }
    let format = Format::parse(format).unwrap_or(Format::Auto);
    let iter = input::comments(text.as_bytes(), format).map_err(|e| typed_error("InputError", &e.to_string()))?;
    let mut out = Parsed { rows: Vec::new(), bad: Vec::new() };
    for r in iter {
        match r {
            Ok((_, c)) => out.rows.push(c),
            Err(b) => out.bad.push(Bad { line: b.line, reason: b.reason }),
        }
    }
    to_js(&out)
}
