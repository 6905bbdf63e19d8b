//! One room's assistant: settings, budget, audience profile, the last summary and suggested answers.
//! It prepares each call (the exact request, after the budget check) and digests each outcome (usage
//! recorded, reply split, answers checked, profile updated, failures turned into a status and a
//! retry time). It does no I/O: the service worker moves the request over the network
//! (src/bindings.rs, through `stream::Reply`) and hands the outcome back, so all of this is tested
//! natively.

use super::answers::{self, MAX_ANSWER_CHARS};
use super::budget::{Budget, Refusal, Usage, estimate_tokens};
use super::digest::{self, Recent};
use super::errors::{ErrorKind, LlmError, backoff_ms};
use super::profile::Profile;
use super::prompt::{self, AnswerData, ChatRequest};
use super::providers::Settings;
use super::reply;
pub use super::view::{Outcome, Prepared, View};
use super::view::{SameAsk, Spend, Status};
use crate::catalog::Catalog;
use crate::intent::Intent;
use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Call {
    Summary { questions: Vec<(u32, String, String)> },
    Answer { group: u32, question: String, grounding: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Pending {
    call: Call,
    prompt_estimate: u64,
}

/// Answers about these are facts only the catalog can give; without catalog text, ask the host.
const FACT_INTENTS: &[Intent] = &[Intent::Price, Intent::Stock, Intent::Promo, Intent::Shipping, Intent::AfterSale];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Assistant {
    pub settings: Settings,
    pub budget: Budget,
    pub profile: Profile,
    pub answers: BTreeMap<u32, String>,
    /// Saved by earlier builds without it.
    #[serde(default)]
    pub same: Vec<SameAsk>,
    pub summary: String,
    pub summary_ms: i64,
    last_auto_ms: i64,
    last_comments: u64,
    failures: u32,
    /// Automatic calls wait until then (backoff); every call waits for a provider's Retry-After.
    retry_at_ms: i64,
    hard_until_ms: i64,
    /// A key/balance/model problem: no automatic calls until the settings change.
    blocked: bool,
    #[serde(skip)]
    last_status: Option<Status>,
    pending: Option<Pending>,
}

impl Assistant {
    pub fn new(settings: Settings, now_ms: i64) -> Assistant {
        Assistant { settings, last_auto_ms: now_ms, ..Assistant::default() }
    }

    /// After a restore (the worker restarted): a call that was in flight then is gone.
    pub fn restored(mut self) -> Assistant {
        self.pending = None;
        self
    }

    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.blocked = false;
        self.failures = 0;
        self.retry_at_ms = 0;
        self.last_status = None;
    }

    fn refuse(&mut self, e: LlmError) -> LlmError {
        self.last_status = Some(Status::of(&e));
        e
    }

    fn admit(&mut self, req: &ChatRequest, now_ms: i64) -> Result<(), LlmError> {
        if now_ms < self.hard_until_ms {
            let mut e = LlmError::new(ErrorKind::RateLimited, "waiting for the provider's Retry-After");
            e.retry_after_ms = Some((self.hard_until_ms - now_ms) as u64);
            return Err(self.refuse(e));
        }
        let s = &self.settings;
        let worst = req.worst_case_tokens();
        let yuan = super::budget::cost(req.prompt_estimate(), req.max_tokens as u64, s.price_in, s.price_out);
        match self.budget.check(now_ms, worst, yuan, s.tokens_per_hour, s.yuan_cap) {
            Ok(()) => Ok(()),
            Err(r) => {
                let mut e = LlmError::new(ErrorKind::BudgetExhausted, "");
                match r {
                    Refusal::TokensPerHour { until_ms } => {
                        e.message = format!(
                            "tokens per hour: {} of {}",
                            self.budget.tokens_last_hour(now_ms),
                            s.tokens_per_hour
                        );
                        e.retry_after_ms = Some((until_ms - now_ms).max(0) as u64);
                    }
                    Refusal::YuanCap => e.message = format!("session cap ¥{:.2} reached", s.yuan_cap),
                }
                Err(self.refuse(e))
            }
        }
    }

    fn ready(&self) -> Result<(), LlmError> {
        if !self.settings.enabled {
            return Err(LlmError::new(ErrorKind::NotConfigured, "the assistant is off"));
        }
        if self.pending.is_some() {
            return Err(LlmError::new(ErrorKind::Cancelled, "a call is already in flight"));
        }
        Ok(())
    }

    /// The next summary call, or None when an automatic call has nothing new to say.
    pub fn prepare_summary(
        &mut self,
        snap: &Snapshot,
        catalog: &Catalog,
        recent: &[Recent],
        automatic: bool,
        now_ms: i64,
    ) -> Result<Option<Prepared>, LlmError> {
        self.ready()?;
        if automatic {
            self.last_auto_ms = now_ms;
            if snap.totals.comments == self.last_comments || self.blocked {
                return Ok(None);
            }
        }
        if snap.totals.comments == 0 {
            return Ok(None);
        }
        let d = digest::build(snap, catalog, recent, &self.profile, self.settings.mask_names);
        let req = prompt::summary_request(&self.settings, &d);
        self.admit(&req, now_ms)?;
        self.last_comments = snap.totals.comments;
        let questions = d.grounding;
        self.pending = Some(Pending { call: Call::Summary { questions }, prompt_estimate: req.prompt_estimate() });
        Ok(Some(Prepared {
            url: self.settings.endpoint(),
            body: req.body(),
            worst_case_tokens: req.worst_case_tokens(),
        }))
    }

    /// A suggested answer for one hot question: from the last summary, from the catalog, "请主播确认…"
    /// for facts the catalog lacks, or else a small call (`Err(prepared)`-free: `Ok(Err(call))`).
    pub fn prepare_answer(
        &mut self,
        group: u32,
        snap: &Snapshot,
        catalog: &Catalog,
        now_ms: i64,
    ) -> Result<Result<String, Prepared>, LlmError> {
        if let Some(a) = self.answers.get(&group) {
            return Ok(Ok(a.clone()));
        }
        let q = snap
            .hot_questions
            .iter()
            .find(|q| q.id == group)
            .ok_or_else(|| LlmError::new(ErrorKind::BadRequest, "no such question"))?;
        let zh = self.settings.zh();
        if let Some(a) = answers::local_answer(&q.text, catalog) {
            self.answers.insert(group, a.clone());
            return Ok(Ok(a));
        }
        let faq: Vec<digest::FaqLine> = answers::relevant_faq(&q.text, catalog, 3)
            .into_iter()
            .map(|(p, f, _)| digest::FaqLine {
                for_q: "Q1".into(),
                product: p.name.clone(),
                q: f.q.clone(),
                a: f.a.clone(),
            })
            .collect();
        let product = answers::product_for(&q.text, catalog);
        if (faq.is_empty() && product.is_none() && FACT_INTENTS.contains(&q.intent)) || self.ready().is_err() {
            return Ok(Ok(answers::fallback(&q.text, zh)));
        }
        let products: Vec<digest::Item> = product
            .map(|p| digest::Item {
                link: p.link,
                name: p.name.clone(),
                price: p.price.clone(),
                points: p.points.clone(),
                mentions: 0,
                wants: 0,
            })
            .into_iter()
            .collect();
        let grounding = format!("{faq:?} {products:?}");
        let masker = digest::Masker::new(self.settings.mask_names, &[]);
        let req = prompt::answer_request(
            &self.settings,
            &AnswerData { question: masker.text(&q.text, 60), products: &products, faq: &faq },
        );
        self.admit(&req, now_ms)?;
        self.pending = Some(Pending {
            call: Call::Answer { group, question: q.text.clone(), grounding },
            prompt_estimate: req.prompt_estimate(),
        });
        Ok(Err(Prepared {
            url: self.settings.endpoint(),
            body: req.body(),
            worst_case_tokens: req.worst_case_tokens(),
        }))
    }

    /// Takes a call's outcome: records what it cost, keeps what it said, and turns a failure into a
    /// status and a retry time. The previous summary stays when a call brought nothing.
    pub fn finish(&mut self, out: Outcome, now_ms: i64) -> View {
        let Some(pending) = self.pending.take() else { return self.view(now_ms) };
        if out.received || out.usage.is_some() {
            let usage = out.usage.unwrap_or(Usage {
                prompt_tokens: pending.prompt_estimate,
                completion_tokens: estimate_tokens(&out.text),
            });
            self.budget.record(now_ms, usage, self.settings.price_in, self.settings.price_out);
        }
        let mut answer = None;
        let mut cut = out.finish.as_deref() == Some("length");
        match (&pending.call, out.text.trim().is_empty()) {
            (_, true) => {}
            (Call::Summary { questions }, false) => {
                let parsed = reply::parse(&out.text);
                cut |= parsed.cut;
                self.summary = parsed.shown;
                self.summary_ms = now_ms;
                let zh = self.settings.zh();
                self.answers.clear();
                for (n, text) in parsed.answers {
                    if let Some((group, question, ground)) = n.checked_sub(1).and_then(|i| questions.get(i)) {
                        self.answers.insert(*group, answers::check(&text, question, ground, zh));
                    }
                }
                self.same = same_asks(&parsed.same, questions);
                // A reply cut short may have lost its profile section; keep the old notes then.
                if out.error.is_none() {
                    self.profile.update(&parsed.profile);
                }
            }
            (Call::Answer { group, question, grounding }, false) => {
                let first = out.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                let a = answers::check(first, question, grounding, self.settings.zh());
                let a: String = a.chars().take(MAX_ANSWER_CHARS).collect();
                self.answers.insert(*group, a.clone());
                answer = Some((*group, a));
            }
        }
        let error = out.error.or_else(|| cut.then(|| LlmError::new(ErrorKind::TooLong, "the reply was cut")));
        match &error {
            None => {
                self.failures = 0;
                self.last_status = None;
            }
            Some(e) => self.failed(e, now_ms),
        }
        let mut v = self.view(now_ms);
        v.answer = answer;
        v
    }

    fn failed(&mut self, e: &LlmError, now_ms: i64) {
        let mut status = Status::of(e);
        match e.kind {
            ErrorKind::TooLong | ErrorKind::Cancelled | ErrorKind::BudgetExhausted => {}
            ErrorKind::Unauthorized
            | ErrorKind::InsufficientBalance
            | ErrorKind::ModelNotFound
            | ErrorKind::BadRequest
            | ErrorKind::NotConfigured => self.blocked = true,
            _ => {
                self.failures += 1;
                let wait = backoff_ms(self.failures, e.retry_after_ms);
                if e.kind == ErrorKind::RateLimited {
                    self.hard_until_ms = now_ms + e.retry_after_ms.unwrap_or(0) as i64;
                }
                self.retry_at_ms = now_ms + wait as i64;
                status.retry_in_ms = Some(wait);
            }
        }
        self.last_status = Some(status);
    }

    pub fn next_auto_ms(&self) -> Option<i64> {
        let every = (self.settings.interval_min * 60_000.0) as i64;
        (self.settings.enabled && every > 0 && !self.blocked).then(|| (self.last_auto_ms + every).max(self.retry_at_ms))
    }

    pub fn view(&self, now_ms: i64) -> View {
        let (b, s) = (&self.budget, &self.settings);
        View {
            enabled: s.enabled,
            summary: self.summary.clone(),
            summary_ms: self.summary_ms,
            answers: self.answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            same: self.same.clone(),
            profile: self.profile.notes.clone(),
            spend: Spend {
                session_tokens: b.session_tokens,
                session_yuan: b.session_yuan,
                hour_tokens: b.tokens_last_hour(now_ms),
                tokens_per_hour: s.tokens_per_hour,
                yuan_cap: s.yuan_cap,
                calls: b.calls,
            },
            status: self.last_status.clone(),
            next_auto_ms: self.next_auto_ms(),
            answer: None,
        }
    }

    /// Forgets a call that never reached the network (the worker could not read the key…).
    pub fn abandon(&mut self, e: &LlmError, now_ms: i64) -> View {
        self.pending = None;
        self.failed(e, now_ms);
        self.view(now_ms)
    }
}

/// Merges offered to the host at most: one summary's worth, each a click to take or leave.
const MAX_SAME: usize = 4;

/// The model's `Q2=Q5` sets as merges into the set's first question (the list is ordered by heat,
/// so the more asked wording stays). Numbers the prompt did not list are ignored.
fn same_asks(sets: &[Vec<usize>], questions: &[(u32, String, String)]) -> Vec<SameAsk> {
    let by_number = |n: &usize| n.checked_sub(1).and_then(|i| questions.get(i));
    let mut out = Vec::new();
    for set in sets {
        let mut numbers = set.clone();
        numbers.sort_unstable();
        let qs: Vec<_> = numbers.iter().filter_map(by_number).collect();
        if let Some((into, rest)) = qs.split_first() {
            for q in rest {
                out.push(SameAsk { from: q.0, into: into.0, from_text: q.1.clone(), into_text: into.1.clone() });
            }
        }
    }
    out.truncate(MAX_SAME);
    out
}
