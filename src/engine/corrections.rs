//! What the host corrects by hand, and what a front end remembers of it: a hot question answered
//! (✓), two merged (并), and the merges of earlier streams taught to a new room.

use super::Engine;
use crate::comment::Comment;
use crate::similar::Signature;

impl Engine {
    /// Marks a hot question answered (✓ in the overlay).
    pub fn mark_answered(&mut self, group: u32) -> bool {
        self.s.groups.mark_answered(group, self.s.now_ms)
    }

    /// Merges hot question `from` into `into` (the host saw they ask the same thing): their counts
    /// and askers add up, and `from`'s wording joins `into` from now on. False when either is not
    /// a live hot question, or both are the same.
    pub fn merge_questions(&mut self, from: u32, into: u32) -> bool {
        self.s.groups.merge(from, into)
    }

    /// Remembers that two question wordings ask the same thing (a merge of an earlier stream, kept
    /// by the front end): a new hot question asked like one starts with the other's wording as its
    /// own. False when either text is not a question the grouping reads, or the pair is known.
    pub fn teach_same(&mut self, a: &str, b: &str) -> bool {
        match (self.signature(a), self.signature(b)) {
            (Some(x), Some(y)) => self.s.groups.teach(x, y),
            _ => false,
        }
    }

    /// Whether hot-question grouping takes `text` (a question it reads): what `teach_same` needs
    /// of each side, so a front end can say which side it refused.
    pub fn groups_text(&mut self, text: &str) -> bool {
        self.signature(text).is_some()
    }

    fn signature(&mut self, text: &str) -> Option<Signature> {
        self.analyzer.analyze(&Comment::text(text)).signature.clone()
    }
}
