//! 扣N polls: when a host says "想要的扣1", the room floods 扣1 / 1 / 111. Those comments are votes,
//! not questions; while a poll runs, the overlay shows the counts per option.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Votes within this window start a poll…
const START_WINDOW_MS: i64 = 30_000;
const START_VOTES: usize = 5;
/// …and a poll ends after this long without a vote.
const IDLE_END_MS: i64 = 45_000;
const MAX_OPTIONS: usize = 12;
const MAX_HISTORY: usize = 50;

/// The option a comment votes for, if it is a vote: 扣1, 扣 2, 1, 111, 扣想要.
pub fn vote(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('扣') {
        let rest = rest.trim();
        let n = rest.chars().count();
        if (1..=4).contains(&n) && rest.chars().all(|c| c.is_alphanumeric()) {
            return Some(collapse_repeats(rest));
        }
        return None;
    }
    // A bare 1 / 11 / 111 votes too; 666 and 888 are cheers, not votes for option 6 or 8.
    let first = t.chars().next()?;
    let cheer = matches!(first, '6' | '8') && t.len() >= 2;
    (first.is_ascii_digit() && !cheer && t.len() <= 6 && t.chars().all(|c| c == first)).then(|| first.to_string())
}

/// 111 → 1, 扣666 → 6; different options keep their text (扣12 stays 12).
fn collapse_repeats(s: &str) -> String {
    let first = s.chars().next().expect("non-empty");
    if s.chars().all(|c| c == first) { first.to_string() } else { s.to_string() }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Poll {
    pub started_ms: i64,
    pub last_vote_ms: i64,
    pub active: bool,
    pub options: BTreeMap<String, u64>,
    pub votes: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Polls {
    recent_votes: Vec<i64>,
    current: Option<Poll>,
    history: Vec<Poll>,
}

impl Polls {
    pub fn observe(&mut self, option: String, now_ms: i64) {
        self.tick(now_ms);
        if let Some(p) = self.current.as_mut().filter(|p| p.active) {
            p.last_vote_ms = now_ms;
            p.votes += 1;
            if p.options.len() < MAX_OPTIONS || p.options.contains_key(&option) {
                *p.options.entry(option).or_default() += 1;
            }
            return;
        }
        self.recent_votes.retain(|&t| now_ms - t <= START_WINDOW_MS);
        self.recent_votes.push(now_ms);
        if self.recent_votes.len() >= START_VOTES {
            // The votes that started the poll count too; their options were not kept, so credit this
            // option with the window (polls start with one dominant option in practice).
            let mut options = BTreeMap::new();
            options.insert(option, self.recent_votes.len() as u64);
            if let Some(done) = self.current.take() {
                self.push_history(done);
            }
            self.current = Some(Poll {
                started_ms: self.recent_votes[0],
                last_vote_ms: now_ms,
                active: true,
                votes: self.recent_votes.len() as u64,
                options,
            });
            self.recent_votes.clear();
        }
    }

    /// Ends an idle poll; call with the engine's clock.
    pub fn tick(&mut self, now_ms: i64) {
        if let Some(p) = self.current.as_mut() {
            if p.active && now_ms - p.last_vote_ms > IDLE_END_MS {
                p.active = false;
                let done = p.clone();
                self.push_history(done);
            }
        }
    }

    fn push_history(&mut self, p: Poll) {
        if self.history.last().is_some_and(|h| h.started_ms == p.started_ms) {
            return;
        }
        if self.history.len() == MAX_HISTORY {
            self.history.remove(0);
        }
        self.history.push(p);
    }

    /// The running poll, or the last one (inactive) for a while after it ended.
    pub fn current(&self) -> Option<&Poll> {
        self.current.as_ref()
    }

    pub fn history(&self) -> &[Poll] {
        &self.history
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        assert_eq!(vote("扣1"), Some("1".into()));
        assert_eq!(vote("扣 2"), Some("2".into()));
        assert_eq!(vote("111"), Some("1".into()));
        assert_eq!(vote("扣666"), Some("6".into()));
        assert_eq!(vote("666"), None);
        assert_eq!(vote("8888"), None);
        assert_eq!(vote("6"), Some("6".into()));
        assert_eq!(vote("扣想要"), Some("想要".into()));
        assert_eq!(vote("12"), None);
        assert_eq!(vote("1号链接"), None);
        assert_eq!(vote("扣"), None);
    }

    #[test]
    fn a_poll_starts_counts_and_ends() {
        let mut p = Polls::default();
        for i in 0..4 {
            p.observe("1".into(), i * 1000);
        }
        assert!(p.current().is_none());
        p.observe("1".into(), 4000);
        p.observe("2".into(), 5000);
        let cur = p.current().unwrap();
        assert!(cur.active);
        assert_eq!(cur.options["1"], 5);
        assert_eq!(cur.options["2"], 1);
        p.tick(60_000);
        assert!(!p.current().unwrap().active);
        assert_eq!(p.history().len(), 1);
    }
}
