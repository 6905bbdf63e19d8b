//! The engine: one live room's state, fed comment by comment, read through `snapshot()`.
//!
//! Pure and incremental: no I/O, no clock of its own (time comes from the comments or from `tick`),
//! bounded memory (every collection is capped; see ARCHITECTURE.md), and the whole state round-trips
//! through `checkpoint` / `restore` so a restarted service worker loses nothing.

use crate::alerts::Alerts;
use crate::analysis::{Analysis, Analyzer};
use crate::comment::{Comment, Kind};
use crate::complaints;
use crate::demand::Demand;
use crate::floods::Floods;
use crate::groups::Groups;
use crate::input::Pacer;
use crate::intent::Intent;
use crate::keywords::{self, Keywords};
use crate::newwords::NewWords;
use crate::poll::Polls;
use crate::selling::Selling;
use crate::sentiment::{self, Polarity};
use crate::sketch::{Distinct, hash64};
use crate::snapshot::{Mood, SCHEMA, Snapshot, Totals};
use crate::summary::{Lang, Scope, local_summary};
use crate::timeline::{Shares, Timeline};
use crate::tokenize::{Span, jieba};
use serde::{Deserialize, Serialize};

mod checkpoint;
mod corrections;
mod log;

pub use checkpoint::CheckpointError;
pub use log::{LogFold, Pushed};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub lang: Lang,
    /// How many hot questions / keywords / products a snapshot carries.
    pub hot_questions: usize,
    pub keywords: usize,
    pub products: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { lang: Lang::Zh, hot_questions: 8, keywords: 10, products: 5 }
    }
}

/// What the engine decided about one row (the CLI's `classify` prints it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub kind: Kind,
    pub is_question: bool,
    pub intent: Option<Intent>,
    pub sentiment: Polarity,
    pub score: f32,
    /// The hot-question group it joined.
    pub group: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Counters {
    comments: u64,
    questions: u64,
    events: [u64; 7],
    pos: u64,
    neu: u64,
    neg: u64,
    truncated: u64,
    anonymous: u64,
    untimed: u64,
}

#[derive(Clone, Serialize, Deserialize)]
struct State {
    config: Config,
    now_ms: i64,
    started_ms: Option<i64>,
    counters: Counters,
    users: Distinct,
    newwords: NewWords,
    keywords: Keywords,
    groups: Groups,
    demand: Demand,
    polls: Polls,
    floods: Floods,
    timeline: Timeline,
    alerts: Alerts,
    selling: Selling,
    /// Last batch applied per source (a tab's frame), for exactly-once delivery over retries.
    applied: Vec<(String, u64)>,
}

const MAX_SOURCES: usize = 32;

#[derive(Clone)]
pub struct Engine {
    s: State,
    /// The last folded row's tokens (new words merged) and their hashes: reused buffers.
    spans: Vec<Span>,
    hashes: Vec<u64>,
    /// Remembers recent texts' analyses (not part of the state: a restored engine starts without).
    analyzer: Analyzer,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(Config::default())
    }
}

impl Engine {
    pub fn new(config: Config) -> Self {
        Engine {
            s: State {
                config,
                now_ms: 0,
                started_ms: None,
                counters: Counters::default(),
                users: Distinct::new(1024),
                newwords: NewWords::default(),
                keywords: Keywords::default(),
                groups: Groups::default(),
                demand: Demand::default(),
                polls: Polls::default(),
                floods: Floods::default(),
                timeline: Timeline::default(),
                alerts: Alerts::default(),
                selling: Selling::default(),
                applied: Vec::new(),
            },
            spans: Vec::new(),
            hashes: Vec::new(),
            analyzer: Analyzer::default(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.s.config
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.s.config.lang = lang;
    }

    pub fn set_catalog(&mut self, catalog: crate::catalog::Catalog) {
        self.s.demand.set_catalog(catalog);
    }

    pub fn catalog(&self) -> &crate::catalog::Catalog {
        self.s.demand.catalog()
    }

    /// The engine's clock: the newest time seen in a row or a tick.
    pub fn now_ms(&self) -> i64 {
        self.s.now_ms
    }

    /// Advances the clock without a row (the UI ticks so that decays and polls move in quiet rooms).
    pub fn tick(&mut self, now_ms: i64) {
        self.s.now_ms = self.s.now_ms.max(now_ms);
        self.s.polls.tick(self.s.now_ms);
        self.s.alerts.expire(self.s.now_ms);
    }

    /// Applies a batch once: a batch whose `seq` is not above the last one applied for `source` is a
    /// retry and is ignored (returns false).
    pub fn push_batch(&mut self, source: &str, seq: u64, rows: &[Comment]) -> bool {
        match self.s.applied.iter_mut().find(|(s, _)| s == source) {
            Some((_, last)) if seq <= *last => return false,
            Some((_, last)) => *last = seq,
            None => {
                if self.s.applied.len() == MAX_SOURCES {
                    self.s.applied.remove(0);
                }
                self.s.applied.push((source.to_string(), seq));
            }
        }
        for c in rows {
            self.push(c);
        }
        true
    }

    /// The last batch applied for `source` (0 if none).
    pub fn applied_seq(&self, source: &str) -> u64 {
        self.s.applied.iter().find(|(s, _)| s == source).map_or(0, |(_, q)| *q)
    }

    pub fn push(&mut self, c: &Comment) -> Outcome {
        let a = self.analyzer.analyze(c);
        self.fold(&a)
    }

    /// Like `push`, also returning the tokens (the CLI's `classify`).
    pub fn push_with_tokens(&mut self, c: &Comment, tokens: &mut Vec<String>) -> Outcome {
        let a = self.analyzer.analyze(c);
        self.apply(&a, Some(tokens))
    }

    /// Folds one row of a log, giving it a time by `pacer` if the log gave none; such a comment is
    /// counted (`Totals::untimed`) so that a report does not present the assumed pace as the room's.
    pub fn fold_paced(&mut self, a: &mut Analysis, pacer: &mut Pacer) -> Outcome {
        let assumed = pacer.stamp(&mut a.ts, self.s.now_ms);
        self.fold_assumed(a, assumed)
    }

    /// `fold`, counting a comment whose time was assumed.
    fn fold_assumed(&mut self, a: &Analysis, assumed: bool) -> Outcome {
        self.s.counters.untimed += (assumed && a.kind == Kind::Comment) as u64;
        self.fold(a)
    }

    /// The stateful half: folds one analysed row into the room. `tokens_out` receives the row's
    /// tokens with this room's new words merged.
    pub fn apply(&mut self, a: &Analysis, tokens_out: Option<&mut Vec<String>>) -> Outcome {
        let o = self.fold(a);
        if let Some(out) = tokens_out {
            out.clear();
            out.extend(self.last_tokens(a).map(str::to_string));
        }
        o
    }

    /// The tokens of `a`, the row just folded in, with this room's new words merged (no allocation).
    pub fn last_tokens<'a>(&'a self, a: &'a Analysis) -> impl Iterator<Item = &'a str> {
        let norm = a.norm();
        self.spans.iter().map(move |&(x, y)| &norm[x as usize..y as usize])
    }

    /// `apply` without the tokens; leaves them for `last_tokens`.
    pub fn fold(&mut self, a: &Analysis) -> Outcome {
        let now = a.ts.unwrap_or(self.s.now_ms);
        self.s.now_ms = self.s.now_ms.max(now);
        self.s.started_ms.get_or_insert(now);
        let s = &mut self.s;
        self.spans.clear();
        self.hashes.clear();

        if a.kind != Kind::Comment {
            s.counters.events[a.kind as usize] += 1;
            s.timeline.event(now, a.kind);
            return Outcome {
                kind: a.kind,
                is_question: false,
                intent: None,
                sentiment: Polarity::Neu,
                score: 0.0,
                group: None,
            };
        }

        s.counters.comments += 1;
        s.counters.truncated += a.truncated as u64;
        let norm = a.norm();
        self.spans.extend_from_slice(&a.spans);
        s.newwords.merge(norm, &mut self.spans);
        // Each token is hashed once, for new words, keywords and alerts alike.
        let token = |&(x, y): &Span| &norm[x as usize..y as usize];
        self.hashes.extend(self.spans.iter().map(|sp| hash64(token(sp))));
        s.newwords.observe(norm, &self.spans, &self.hashes, |w| jieba().has_word(w));
        let tokens = || self.spans.iter().map(token).zip(self.hashes.iter().copied());

        let user = a.user.unwrap_or_else(|| {
            // No identity: every anonymous post is its own viewer (never merges strangers).
            s.counters.anonymous += 1;
            hash64(&("\u{0}anon", s.counters.anonymous))
        });
        s.users.insert(user);

        let flood = s.floods.observe(norm, now);
        if let Some(option) = &a.vote {
            s.polls.observe(option.clone(), now);
        }
        s.keywords.observe_hashed(tokens(), now);
        let group = match (a.intent, &a.signature) {
            (Some(intent), Some(sig)) => Some(s.groups.add(&a.text, sig, intent, user, flood, now)),
            _ => None,
        };
        s.demand.observe(norm, &a.links, a.is_question, user, now);
        let buying = a.is_question && a.intent.is_some_and(Intent::is_buying);
        let polarity = match s.selling.observe(buying) {
            true => sentiment::in_selling_room(a.polarity, a.score, norm, a.is_question),
            false => a.polarity,
        };
        s.timeline.comment(now, a.is_question, polarity, a.score);
        // A complaint counts under what it is about (发货, 客服), a comment the models call negative
        // under its keywords.
        let topic = a.complaint.map(|t| complaints::TOPIC_NAMES[t as usize]);
        let words = tokens().map(|(t, _)| t).filter(|t| topic.is_none() && keywords::is_keyword(t));
        s.alerts.observe(polarity == Polarity::Neg || topic.is_some(), &a.text, topic.into_iter().chain(words), now);
        s.counters.questions += a.is_question as u64;
        match polarity {
            Polarity::Pos => s.counters.pos += 1,
            Polarity::Neu => s.counters.neu += 1,
            Polarity::Neg => s.counters.neg += 1,
        }
        Outcome {
            kind: Kind::Comment,
            is_question: a.is_question,
            intent: a.intent,
            sentiment: polarity,
            score: a.score,
            group,
        }
    }

    pub fn totals(&self) -> Totals {
        let s = &self.s;
        let e = |k: Kind| s.counters.events[k as usize];
        Totals {
            comments: s.counters.comments,
            questions: s.counters.questions,
            unique_users: s.users.count(),
            anonymous: s.counters.anonymous,
            per_minute: s.timeline.per_minute(s.now_ms),
            gifts: e(Kind::Gift),
            likes: e(Kind::Like),
            entries: e(Kind::Enter),
            follows: e(Kind::Follow),
            purchases: e(Kind::Purchase),
            system: e(Kind::System),
            truncated: s.counters.truncated,
            untimed: s.counters.untimed,
        }
    }

    pub fn session_shares(&self) -> Shares {
        Shares::of(self.s.counters.pos, self.s.counters.neu, self.s.counters.neg)
    }

    /// The live view at the engine's clock.
    pub fn snapshot(&self) -> Snapshot {
        let s = &self.s;
        let now = s.now_ms;
        let sparkline = {
            let mut v = vec![0.0f32; 30];
            let first = now.div_euclid(60_000) * 60_000 - 29 * 60_000;
            for b in s.timeline.last(30, now) {
                let i = ((b.start_ms - first) / 60_000) as usize;
                if i < 30 {
                    v[i] = (b.mood() * 100.0).round() / 100.0;
                }
            }
            v
        };
        let words = s.newwords.words();
        let mut snap = Snapshot {
            schema: SCHEMA,
            now_ms: now,
            started_ms: s.started_ms,
            totals: self.totals(),
            hot_questions: s.groups.hot(s.config.hot_questions, now),
            mood: Mood {
                recent: s.timeline.shares(5, now),
                session: self.session_shares(),
                sparkline,
                alert: s.alerts.current().cloned(),
            },
            keywords: s.keywords.top(s.config.keywords, now),
            products: s.demand.top(s.config.products, now),
            poll: s.polls.current().cloned(),
            floods: s.floods.top(5, now),
            new_words: words[words.len().saturating_sub(10)..].to_vec(),
            summary: String::new(),
        };
        snap.summary = local_summary(&snap, s.config.lang, Scope::Live);
        snap
    }

    // Read access for the report (report.rs), which looks at the whole session.
    pub(crate) fn groups(&self) -> &Groups {
        &self.s.groups
    }
    pub(crate) fn keywords(&self) -> &Keywords {
        &self.s.keywords
    }
    pub(crate) fn demand(&self) -> &Demand {
        &self.s.demand
    }
    pub(crate) fn timeline(&self) -> &Timeline {
        &self.s.timeline
    }
    pub(crate) fn alerts(&self) -> &Alerts {
        &self.s.alerts
    }
    pub(crate) fn polls(&self) -> &Polls {
        &self.s.polls
    }
    pub(crate) fn floods(&self) -> &Floods {
        &self.s.floods
    }
    pub(crate) fn new_words(&self) -> &[String] {
        self.s.newwords.words()
    }
    pub(crate) fn started_ms(&self) -> Option<i64> {
        self.s.started_ms
    }
}
