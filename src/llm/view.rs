//! What crosses between the assistant and the service worker: a prepared call, the outcome the
//! transport brings back, and the view the overlay shows (summary, answers, profile, spend, status).

use super::budget::Usage;
use super::errors::LlmError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A call ready to send: where, what, and its worst-case size (already allowed by the budget).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prepared {
    pub url: String,
    pub body: String,
    pub worst_case_tokens: u64,
}

/// What the transport brought back: the raw reply so far, usage if the provider sent it, how the
/// model finished, and the error that ended it early (partial text is kept and shown).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Outcome {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub finish: Option<String>,
    #[serde(skip)]
    pub error: Option<LlmError>,
    /// Bytes arrived from the provider (a failure before that is not billed).
    #[serde(default)]
    pub received: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spend {
    pub session_tokens: u64,
    pub session_yuan: f64,
    pub hour_tokens: u64,
    pub tokens_per_hour: u64,
    pub yuan_cap: f64,
    pub calls: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub name: &'static str,
    pub status: u16,
    pub message: String,
    /// Milliseconds until calls may resume, when known.
    pub retry_in_ms: Option<u64>,
}

impl Status {
    pub(crate) fn of(e: &LlmError) -> Status {
        Status { name: e.kind.name(), status: e.status, message: e.message.clone(), retry_in_ms: e.retry_after_ms }
    }
}

/// Two hot questions the model read as one ask: offered to the host, who merges `from` into `into`
/// (the overlay's 并, `Engine::merge_questions`) or ignores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SameAsk {
    pub from: u32,
    pub into: u32,
    pub from_text: String,
    pub into_text: String,
}

/// Everything the overlay shows about the assistant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    pub enabled: bool,
    pub summary: String,
    pub summary_ms: i64,
    /// Suggested answers by hot-question id (string keys: they cross to JS as an object).
    pub answers: BTreeMap<String, String>,
    /// Merges the last summary suggests, most asked question first.
    pub same: Vec<SameAsk>,
    pub profile: Vec<String>,
    pub spend: Spend,
    pub status: Option<Status>,
    /// When the service worker should start the next automatic summary (None: none scheduled).
    pub next_auto_ms: Option<i64>,
    /// The answer this call produced (answer calls and local answers).
    pub answer: Option<(u32, String)>,
}
