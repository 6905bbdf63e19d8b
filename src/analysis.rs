//! The stateless half of the engine: everything about one row that does not depend on the room —
//! cleaning, tokens, question, intent, sentiment, the question's signature, a vote, link numbers.
//! `Engine::apply` does the rest. Being pure, `analyze` can run on another thread (the CLI
//! overlaps it with `apply`) and is the unit the quality models are measured on.

use crate::clean::clean;
use crate::comment::{Comment, Kind};
use crate::demand::link_numbers;
use crate::intent::{self, Intent};
use crate::poll;
use crate::question;
use crate::sentiment::{self, Polarity};
use crate::similar::{self, Signature};
use crate::sketch::hash64;
use crate::tokenize::{self, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub kind: Kind,
    pub ts: Option<i64>,
    /// The viewer, hashed; `None` when the source does not say.
    pub user: Option<u64>,
    /// Cleaned text, as shown to the host.
    pub text: String,
    /// `text` with ASCII lower-cased, when that differs (S码 → s码): what matching reads.
    lower: Option<String>,
    pub truncated: bool,
    /// jieba tokens of `norm()`, as byte ranges.
    pub spans: Vec<Span>,
    pub is_question: bool,
    pub intent: Option<Intent>,
    pub polarity: Polarity,
    pub score: f32,
    pub signature: Option<Signature>,
    /// The option this comment votes for in a 扣N poll.
    pub vote: Option<String>,
    /// Link numbers it names (3号, 三号链接).
    pub links: Vec<u32>,
}

impl Analysis {
    /// The text matching reads: cleaned and ASCII lower-cased.
    pub fn norm(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.text)
    }

    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        let norm = self.norm();
        self.spans.iter().map(move |&(a, b)| &norm[a as usize..b as usize])
    }
}

/// Analyses one row on its own.
pub fn analyze(c: &Comment) -> Analysis {
    let user = c.user.as_deref().filter(|u| !u.is_empty()).map(hash64);
    if c.kind != Kind::Comment {
        return Analysis {
            kind: c.kind,
            ts: c.ts,
            user,
            text: String::new(),
            lower: None,
            truncated: false,
            spans: Vec::new(),
            is_question: false,
            intent: None,
            polarity: Polarity::Neu,
            score: 0.0,
            signature: None,
            vote: None,
            links: Vec::new(),
        };
    }
    let cleaned = clean(&c.text);
    let text = cleaned.text;
    let lower = text.bytes().any(|b| b.is_ascii_uppercase()).then(|| text.to_ascii_lowercase());
    let norm = lower.as_deref().unwrap_or(&text);
    let mut spans = Vec::with_capacity(norm.len() / 3 + 1);
    tokenize::spans_into(norm, &mut spans);
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &norm[a as usize..b as usize]).collect();

    let vote = poll::vote(norm);
    let is_question = vote.is_none() && question::is_question(norm, &tokens);
    let intent = is_question.then(|| intent::classify(norm));
    let signature = is_question.then(|| similar::signature(norm, &tokens));
    let (polarity, score) = sentiment::score(norm, &tokens);
    let links = link_numbers(norm);
    drop(tokens);
    Analysis {
        kind: Kind::Comment,
        ts: c.ts,
        user,
        text,
        lower,
        truncated: cleaned.truncated,
        spans,
        is_question,
        intent,
        polarity,
        score,
        signature,
        vote,
        links,
    }
}
