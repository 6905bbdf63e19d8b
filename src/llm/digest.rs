//! The compact, privacy-filtered view of a room that a prompt carries: the snapshot's aggregates, a
//! few representative comments (never the firehose), the catalog entries and FAQ that bear on the
//! hot questions, and the audience profile. Every text from viewers is cut short; with privacy on,
//! nicknames become 观众1, 观众2… and @mentions become @某观众.

use super::answers::relevant_faq;
use super::profile::Profile;
use super::sanitize::plain_line;
use crate::catalog::Catalog;
use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};

pub const MAX_QUESTIONS: usize = 5;
pub const MAX_COMMENTS: usize = 6;
const MAX_KEYWORDS: usize = 8;
const MAX_PRODUCTS: usize = 3;
const MAX_FAQ: usize = 4;
/// Caps in characters: a comment, a question, a keyword. Together with the counts above they keep
/// a prompt under ~1,500 estimated tokens whatever the room says (tests: a_default_hour_…).
const TEXT_CHARS: usize = 36;
const QUESTION_CHARS: usize = 24;
const KEYWORD_CHARS: usize = 6;

/// A recent comment as the service worker keeps them (the last few hundred, newest last).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    #[serde(default)]
    pub user: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub asks: u64,
    pub people: u64,
    pub intent: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rising: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Said {
    pub from: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<u32>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    pub mentions: u64,
    pub wants: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct FaqLine {
    #[serde(rename = "for")]
    pub for_q: String,
    pub product: String,
    pub q: String,
    pub a: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub minutes: i64,
    pub comments: u64,
    pub per_min: u64,
    pub viewers: u64,
    pub gifts: u64,
    pub purchases: u64,
    /// Shares over the last five minutes, in percent.
    pub mood: [u8; 3],
    /// Mood now minus ten minutes ago (−100…100): the turn the host should hear about.
    pub mood_turn: i32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<String>,
    pub hot_questions: Vec<Question>,
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Item>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<FaqLine>,
    pub comments_sample: Vec<Said>,
    pub profile: Vec<String>,
    /// For answers: the catalog text each question was given (not sent; checked against).
    #[serde(skip)]
    pub grounding: Vec<(u32, String, String)>,
}

/// Nickname masking for one prompt: the same viewer gets the same 观众N throughout.
pub struct Masker {
    on: bool,
    names: Vec<String>,
}

impl Masker {
    pub fn new(on: bool, recent: &[Recent]) -> Masker {
        let mut names: Vec<String> = Vec::new();
        for u in recent.iter().filter_map(|r| r.user.as_deref()).map(str::trim) {
            if !u.is_empty() && !names.iter().any(|n| n == u) {
                names.push(u.to_string());
            }
        }
        Masker { on, names }
    }

    pub fn who(&self, user: Option<&str>) -> String {
        let user = user.map(str::trim).unwrap_or("");
        match self.names.iter().position(|n| n == user) {
            Some(i) if self.on => format!("观众{}", i + 1),
            _ if self.on || user.is_empty() => "观众".into(),
            _ => plain_line(user, 20),
        }
    }

    /// With privacy on, a keyword that is part of a nickname (美美 from 小美美) is not sent.
    pub fn names_word(&self, word: &str) -> bool {
        self.on && word.chars().count() >= 2 && self.names.iter().any(|n| n.contains(word))
    }

    /// A viewer's text: cut, cleaned, and with privacy on, names and @mentions replaced.
    pub fn text(&self, text: &str, max: usize) -> String {
        let mut t = plain_line(text, max * 2);
        if self.on {
            // Longest names first, so "小美美" is not half-replaced by "小美".
            let mut names: Vec<(usize, &String)> =
                self.names.iter().enumerate().filter(|(_, n)| n.chars().count() >= 2).collect();
            names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
            for (i, n) in names {
                t = t.replace(n.as_str(), &format!("观众{}", i + 1));
            }
            t = mask_mentions(&t);
        }
        t.chars().take(max).collect()
    }
}

fn mask_mentions(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find('@') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(|c: char| c.is_whitespace() || "，,。.!！?？:：".contains(c)).unwrap_or(after.len());
        out.push_str(if end == 0 { "@" } else { "@某观众" });
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A handful of recent comments that say something: at least 4 characters, not a flood copy, one per
/// distinct text, preferring those that use the room's hot keywords; in the order they were posted.
fn representative<'a>(snap: &Snapshot, recent: &'a [Recent]) -> Vec<&'a Recent> {
    let keywords: Vec<&str> = snap.keywords.iter().take(MAX_KEYWORDS).map(|k| k.word.as_str()).collect();
    let mut seen: Vec<String> = Vec::new();
    let mut scored: Vec<(usize, usize, &Recent)> = Vec::new();
    for (i, r) in recent.iter().enumerate().rev() {
        let key: String = r.text.chars().filter(|c| c.is_alphanumeric()).collect();
        if key.chars().count() < 4 || seen.contains(&key) || snap.floods.iter().any(|f| f.text == r.text) {
            continue;
        }
        seen.push(key);
        let score = 1 + keywords.iter().filter(|k| r.text.contains(*k)).count();
        scored.push((score, i, r));
        if scored.len() >= 64 {
            break;
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    scored.truncate(MAX_COMMENTS);
    scored.sort_by_key(|s| s.1);
    scored.into_iter().map(|s| s.2).collect()
}

/// "3号" for a product with a link number: answers may name it.
fn link_of(p: &crate::catalog::Product) -> String {
    p.link.map(|l| format!("{l}号")).unwrap_or_default()
}

pub fn build(snap: &Snapshot, catalog: &Catalog, recent: &[Recent], profile: &Profile, mask: bool) -> Digest {
    let masker = Masker::new(mask, recent);
    let pct = |x: f64| (x * 100.0).round().clamp(0.0, 100.0) as u8;
    let m = &snap.mood.recent;
    let spark = &snap.mood.sparkline;
    let turn = match (spark.last(), spark.len().checked_sub(11).and_then(|i| spark.get(i))) {
        (Some(now), Some(before)) => ((now - before) * 100.0).round() as i32,
        _ => 0,
    };
    let open: Vec<_> = snap.hot_questions.iter().filter(|q| !q.answered).take(MAX_QUESTIONS).collect();
    let mut faq = Vec::new();
    let mut grounding = Vec::new();
    let hot_questions = open
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let id = format!("Q{}", i + 1);
            let mut ground = String::new();
            for (p, f, _) in relevant_faq(&q.text, catalog, 2) {
                ground.push_str(&format!(
                    "{} {} {} {}：{}\n",
                    link_of(p),
                    p.name,
                    p.price.as_deref().unwrap_or(""),
                    f.q,
                    f.a
                ));
                if faq.len() < MAX_FAQ {
                    faq.push(FaqLine {
                        for_q: id.clone(),
                        product: p.name.clone(),
                        q: plain_line(&f.q, 16),
                        a: plain_line(&f.a, 44),
                    });
                }
            }
            if let Some(p) = super::answers::product_for(&q.text, catalog) {
                ground.push_str(&format!(
                    "{} {} {} {}\n",
                    link_of(p),
                    p.name,
                    p.price.as_deref().unwrap_or(""),
                    p.points.as_deref().unwrap_or("")
                ));
            }
            grounding.push((q.id, q.text.clone(), ground));
            Question {
                id,
                text: masker.text(&q.text, QUESTION_CHARS),
                asks: q.count,
                people: q.users,
                intent: q.intent.as_str(),
                rising: q.rising,
            }
        })
        .collect();
    // Catalog entries for the products people talk about, else the first few of the catalog.
    let mut products: Vec<Item> = snap
        .products
        .iter()
        .take(MAX_PRODUCTS)
        .map(|d| {
            let p =
                d.link.and_then(|l| catalog.by_link(l)).or_else(|| catalog.products.iter().find(|p| p.name == d.name));
            Item {
                link: d.link,
                name: plain_line(&d.name, 16),
                price: p.and_then(|p| p.price.as_deref()).map(|s| plain_line(s, 12)),
                points: p.and_then(|p| p.points.as_deref()).map(|s| plain_line(s, 24)),
                mentions: d.mentions,
                wants: d.wants,
            }
        })
        .collect();
    for p in &catalog.products {
        if products.len() >= MAX_PRODUCTS {
            break;
        }
        if !products.iter().any(|i| i.name == p.name || (i.link.is_some() && i.link == p.link)) {
            let price = p.price.as_deref().map(|s| plain_line(s, 12));
            let points = p.points.as_deref().map(|s| plain_line(s, 24));
            products.push(Item { link: p.link, name: plain_line(&p.name, 16), price, points, mentions: 0, wants: 0 });
        }
    }
    Digest {
        minutes: snap.started_ms.map(|s| ((snap.now_ms - s) / 60_000).max(0)).unwrap_or(0),
        comments: snap.totals.comments,
        per_min: snap.totals.per_minute.round() as u64,
        viewers: snap.totals.unique_users,
        gifts: snap.totals.gifts,
        purchases: snap.totals.purchases,
        mood: [pct(m.pos), pct(m.neu), pct(m.neg)],
        mood_turn: turn,
        complaints: snap
            .mood
            .alert
            .as_ref()
            .map(|a| a.words.iter().take(5).map(|w| masker.text(w, KEYWORD_CHARS)).collect())
            .unwrap_or_default(),
        hot_questions,
        keywords: snap
            .keywords
            .iter()
            .filter(|k| !masker.names_word(&k.word))
            .take(MAX_KEYWORDS)
            .map(|k| masker.text(&k.word, KEYWORD_CHARS))
            .collect(),
        products,
        faq,
        comments_sample: representative(snap, recent)
            .into_iter()
            .map(|r| Said { from: masker.who(r.user.as_deref()), text: masker.text(&r.text, TEXT_CHARS) })
            .collect(),
        profile: profile.notes.clone(),
        grounding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_names_and_mentions() {
        let recent = vec![
            Recent { user: Some("小美美".into()), text: "好看".into() },
            Recent { user: Some("小美".into()), text: "@小美美 你买了吗".into() },
        ];
        let m = Masker::new(true, &recent);
        assert_eq!(m.who(Some("小美")), "观众2");
        assert_eq!(m.text("小美美和小美都在", 36), "观众1和观众2都在");
        assert_eq!(m.text("@路人甲 你好 @", 36), "@某观众 你好 @");
        let off = Masker::new(false, &recent);
        assert_eq!(off.who(Some("小美")), "小美");
        assert_eq!(off.text("@小美美 你好", 4), "@小美美");
    }
}
