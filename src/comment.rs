//! What the engine consumes: one row of a live room, as the capture layer or a log file saw it.

use serde::{Deserialize, Serialize};

/// What a row is. Only `Comment` rows are analysed as text; the rest are counted as engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Comment,
    Gift,
    Like,
    Enter,
    Follow,
    Purchase,
    System,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Comment, Kind::Gift, Kind::Like, Kind::Enter, Kind::Follow, Kind::Purchase, Kind::System];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Comment => "comment",
            Kind::Gift => "gift",
            Kind::Like => "like",
            Kind::Enter => "enter",
            Kind::Follow => "follow",
            Kind::Purchase => "purchase",
            Kind::System => "system",
        }
    }

    /// Lenient parse for log files: unknown words are an error the caller reports with a line number.
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "" | "comment" | "chat" | "danmaku" | "danmu" | "message" | "text" => Kind::Comment,
            "gift" => Kind::Gift,
            "like" => Kind::Like,
            "enter" | "join" | "member" => Kind::Enter,
            "follow" | "subscribe" => Kind::Follow,
            "purchase" | "order" | "buy" => Kind::Purchase,
            "system" | "notice" => Kind::System,
            _ => return None,
        })
    }
}

/// One row from a live room. `ts` is Unix time in milliseconds when the source knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Comment {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ts: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default)]
    pub kind: Kind,
}

impl Comment {
    pub fn text(text: impl Into<String>) -> Self {
        Comment { text: text.into(), ..Default::default() }
    }

    pub fn by(user: impl Into<String>, text: impl Into<String>, ts: i64) -> Self {
        Comment { text: text.into(), user: Some(user.into()), ts: Some(ts), ..Default::default() }
    }
}
