//! The snapshot: everything the overlay, the trial page and the LLM layer read, in one serde struct.
//! UIs never reach into the engine; they render this.

use crate::alerts::Alert;
use crate::demand::ProductDemand;
use crate::floods::Flood;
use crate::groups::HotQuestion;
use crate::keywords::Keyword;
use crate::poll::Poll;
use crate::timeline::Shares;
use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning; UIs check it.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Every comment seen this session (viewers' repeats included; event rows excluded).
    pub comments: u64,
    pub questions: u64,
    /// Viewers; a comment with no viewer identity counts as a viewer of its own (never merged).
    pub unique_users: u64,
    /// Comments with no viewer identity. When every comment is one (a log without user names), the
    /// viewer counts above say nothing about people: the report and the overlay show them as unknown.
    #[serde(default)]
    pub anonymous: u64,
    /// Comments in the last 60 s.
    pub per_minute: f64,
    pub gifts: u64,
    pub likes: u64,
    pub entries: u64,
    pub follows: u64,
    pub purchases: u64,
    pub system: u64,
    /// Comments cut to the length cap.
    pub truncated: u64,
    /// Comments whose time the log did not give, so the reader assumed one (`input::Pacer`). When
    /// every comment is one, the pace, duration and peaks are the assumed rate's, not the room's:
    /// the report shows them as unknown.
    #[serde(default)]
    pub untimed: u64,
}

impl Totals {
    /// Whether the viewer counts mean people: false when no comment named its viewer.
    pub fn viewers_known(&self) -> bool {
        self.anonymous < self.comments
    }

    /// Whether the pace and the duration are the room's: false when no comment came with its time.
    pub fn times_known(&self) -> bool {
        self.untimed < self.comments
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mood {
    /// Shares over the last five minutes.
    pub recent: Shares,
    /// Shares over the whole session.
    pub session: Shares,
    /// One value per minute for the last 30 minutes, oldest first: (pos − neg) / comments.
    pub sparkline: Vec<f32>,
    pub alert: Option<Alert>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema: u32,
    pub now_ms: i64,
    pub started_ms: Option<i64>,
    pub totals: Totals,
    pub hot_questions: Vec<HotQuestion>,
    pub mood: Mood,
    pub keywords: Vec<Keyword>,
    pub products: Vec<ProductDemand>,
    pub poll: Option<Poll>,
    pub floods: Vec<Flood>,
    /// Words this room invented that the tokenizer now knows (latest last).
    pub new_words: Vec<String>,
    /// A short paragraph built locally from the fields above.
    pub summary: String,
}
