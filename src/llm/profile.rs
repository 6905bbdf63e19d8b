//! The audience profile: a few short notes (who is watching, what they care about, recurring
//! objections) that the model rewrites after each summary and reads back in the next prompt — how the
//! assistant "learns" the room during a session. Bounded, so prompts stay the same size over hours,
//! and treated as untrusted on the way back in (it was written from comments).

use super::sanitize::plain_line;
use serde::{Deserialize, Serialize};

pub const MAX_NOTES: usize = 6;
pub const MAX_NOTE_CHARS: usize = 24;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub notes: Vec<String>,
    /// How many summaries have updated it.
    pub updates: u32,
}

impl Profile {
    /// Replaces the notes with the model's rewritten section (bullet lines), cleaned and capped. An
    /// empty section keeps the old notes: a reply that forgot the section must not erase the room.
    pub fn update(&mut self, section: &str) {
        let notes: Vec<String> = section
            .lines()
            .map(|l| plain_line(l.trim_start_matches(['-', '*', '•', ' ', '\t']).trim(), MAX_NOTE_CHARS))
            .filter(|l| l.chars().count() >= 2)
            .take(MAX_NOTES)
            .collect();
        if !notes.is_empty() {
            self.notes = notes;
            self.updates += 1;
        }
    }

    pub fn chars(&self) -> usize {
        self.notes.iter().map(|n| n.chars().count()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_kept_when_missing() {
        let mut p = Profile::default();
        let long = format!("- {}\n", "很长".repeat(100));
        p.update(&format!("- 宝妈居多，关心面料\n* 价格敏感\n{}{}", long, "- x\n- 第4条\n- 5\n- 6号\n- 7号\n- 8号\n"));
        assert_eq!(p.notes.len(), MAX_NOTES);
        assert_eq!(p.notes[0], "宝妈居多，关心面料");
        assert!(p.notes.iter().all(|n| n.chars().count() <= MAX_NOTE_CHARS));
        assert!(p.chars() <= MAX_NOTES * MAX_NOTE_CHARS);
        let before = p.clone();
        p.update("  \n");
        assert_eq!(p, before);
    }
}
