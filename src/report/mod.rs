//! The post-stream report (复盘): the whole session at a glance. The CLI's `analyze`, the trial page
//! and the extension's "export report" all build it here, so the three paths agree.

use crate::alerts::Alert;
use crate::demand::ProductDemand;
use crate::engine::Engine;
use crate::floods::Flood;
use crate::groups::HotQuestion;
use crate::keywords::Keyword;
use crate::poll::Poll;
use crate::snapshot::Totals;
use crate::timeline::{Bucket, Shares};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod charts;
pub mod csv;
pub mod html;
mod sections;
pub mod text;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Peak {
    pub start_ms: i64,
    pub comments: u32,
    pub questions: u32,
    /// (pos − neg) / comments in that minute.
    pub mood: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// Every comment analysed (event rows excluded).
    pub comments: u64,
    pub totals: Totals,
    pub started_ms: Option<i64>,
    pub ended_ms: i64,
    pub hot_questions: Vec<HotQuestion>,
    pub keywords: Vec<Keyword>,
    pub sentiment: Shares,
    pub timeline: Vec<Bucket>,
    pub products: Vec<ProductDemand>,
    pub peaks: Vec<Peak>,
    pub alerts: Vec<Alert>,
    pub polls: Vec<Poll>,
    pub floods: Vec<Flood>,
    pub new_words: Vec<String>,
    pub summary: String,
    /// Input rows that could not be read (the CLI fills this in).
    pub skipped: u64,
    /// Suggested answers to hot questions, by question id, when the seller used the AI assistant
    /// (the extension's export); absent otherwise, so a report without them is unchanged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<u32, String>,
}

/// Longest suggested answer a report keeps, in characters (the assistant's own cap is lower).
pub const MAX_REPORT_ANSWER_CHARS: usize = 400;

pub const REPORT_SCHEMA: u32 = 1;

impl Report {
    /// The report as the JSON file every path writes (pretty, one trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report serializes") + "\n"
    }

    pub fn from_engine(engine: &Engine) -> Report {
        let now = engine.now_ms();
        let timeline: Vec<Bucket> = engine.timeline().all().iter().cloned().collect();
        let mut snap = engine.snapshot();
        let mut peaks: Vec<Peak> = timeline
            .iter()
            .filter(|b| b.comments > 0)
            .map(|b| Peak { start_ms: b.start_ms, comments: b.comments, questions: b.questions, mood: b.mood() })
            .collect();
        peaks.sort_by(|a, b| b.comments.cmp(&a.comments).then(a.start_ms.cmp(&b.start_ms)));
        // Minutes of an assumed pace all hold that pace: no minute of such a log is a peak.
        peaks.truncate(if snap.totals.times_known() { 5 } else { 0 });
        let mut polls: Vec<Poll> = engine.polls().history().to_vec();
        if let Some(p) = engine.polls().current().filter(|p| p.active) {
            polls.push(p.clone());
        }
        // The summary of a finished stream speaks of the whole session, not its last minutes.
        snap.hot_questions = engine.groups().all_time(snap.hot_questions.len().max(3), now);
        snap.mood.recent = engine.session_shares();
        snap.products = engine.demand().session_top(3);
        snap.keywords = engine.keywords().session_top(3);
        // The biggest complaint spike of the session, if any: a stream that ended in complaints must
        // say so in its summary, not only in the alerts section further down.
        let alerts = engine.alerts().all();
        snap.mood.alert = alerts.iter().max_by_key(|a| a.negatives).cloned();
        snap.poll = None;
        let minutes = (now - engine.started_ms().unwrap_or(now)) as f64 / 60_000.0;
        snap.totals.per_minute =
            if minutes >= 1.0 { (snap.totals.comments as f64 / minutes).round() } else { snap.totals.comments as f64 };
        let summary = crate::summary::local_summary(&snap, engine.config().lang, crate::summary::Scope::Session);
        Report {
            schema: REPORT_SCHEMA,
            comments: snap.totals.comments,
            totals: snap.totals.clone(),
            started_ms: engine.started_ms(),
            ended_ms: now,
            hot_questions: engine.groups().all_time(20, now),
            keywords: engine.keywords().session_top(30),
            sentiment: engine.session_shares(),
            timeline,
            products: engine.demand().session_top(20),
            peaks,
            alerts,
            polls,
            floods: engine.floods().top(10, now),
            new_words: engine.new_words().to_vec(),
            summary,
            skipped: 0,
            answers: BTreeMap::new(),
        }
    }

    /// The report with the assistant's suggested answers: `json` is an object from question id (a
    /// string, as the assistant's view carries it) to answer text. Answers to questions the report
    /// does not list are dropped; long ones are cut.
    pub fn with_answers_json(mut self, json: &str) -> Result<Report, serde_json::Error> {
        let raw: BTreeMap<String, String> = serde_json::from_str(json)?;
        for (id, text) in raw {
            let Ok(id) = id.parse::<u32>() else { continue };
            if self.hot_questions.iter().any(|q| q.id == id) && !text.trim().is_empty() {
                self.answers.insert(id, text.trim().chars().take(MAX_REPORT_ANSWER_CHARS).collect());
            }
        }
        Ok(self)
    }
}
