//! English comments (TikTok LIVE, YouTube, Twitch rooms). The question model learned from Chinese
//! rooms and reads no English, so an English comment asks by its form: a question mark, a question
//! word or auxiliary first (how much is this, do you ship to canada), a question word last
//! (restock when), or a short ask for the link (link please).

pub use crate::tokenize::is_english;

const WH: &[&str] = &["how", "what", "what's", "whats", "where", "when", "which", "who", "whose", "why", "any"];
const AUX: &[&str] =
    &["is", "are", "do", "does", "did", "can", "could", "will", "would", "should", "may", "u", "isn't", "doesn't"];
/// Words that point at the room: its people, the item shown, what a buyer asks about.
const POINTED: &[&str] = &[
    "you", "u", "your", "ur", "i", "me", "my", "we", "us", "it", "this", "that", "these", "those", "there", "they",
    "one", "ones", "price", "size", "shipping", "ship", "link", "discount", "code", "stock", "color", "colour",
    "material",
];
/// A question mark after one of these alone is a reaction, not an ask.
const REACTIONS: &[&str] = &["what", "huh", "why", "really", "wtf", "lol", "omg", "hmm", "eh", "seriously"];
/// First words that exclaim rather than ask: what a dress, how cute, who cares.
const EXCLAIMS: &[(&str, &str)] = &[("what", "a"), ("what", "an"), ("who", "cares"), ("why", "not")];
/// After `how`, these ask (how much, how long); any other word exclaims (how cute).
const HOW_ASKS: &[&str] = &[
    "much", "many", "long", "big", "tall", "old", "do", "does", "did", "is", "are", "can", "to", "about", "come",
    "far", "soon", "heavy", "often", "was", "will", "would", "should",
];

/// Whether an English comment (`is_english`) asks something.
pub fn asks(text: &str) -> bool {
    let words: Vec<&str> =
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    let Some((&first, rest)) = words.split_first() else { return false };
    let second = rest.first().copied().unwrap_or("");
    if EXCLAIMS.contains(&(first, second)) || (first == "how" && !second.is_empty() && !HOW_ASKS.contains(&second)) {
        return false;
    }
    if text.trim_end().ends_with('?') {
        // price? asks; s? and what? do not.
        return words.len() > 1 || (first.len() >= 3 && !REACTIONS.contains(&first));
    }
    let last = words[words.len() - 1];
    // A question word first asks when it points at someone or something in the room (what is this,
    // how tall are you, how long does shipping take); a bare title does not (What is love, in a
    // Chinese room's song requests).
    let pointed = first == "any"
        || (first == "how" && ["much", "many"].contains(&second))
        || words.iter().any(|w| POINTED.contains(w));
    (!rest.is_empty() && pointed && WH.contains(&first))
        || (rest.len() >= 2 && pointed && AUX.contains(&first))
        || (!rest.is_empty() && ["when", "where", "how"].contains(&last))
        || (words.len() <= 4 && words.contains(&"link"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_questions_by_their_form() {
        for s in [
            "how much is this",
            "price?",
            "link please",
            "where can i buy",
            "do you ship to canada",
            "is it true to size",
            "any discount code",
            "restock when",
            "can u do a giveaway",
            "what's your name",
            "sold out?",
            "how long does shipping take",
        ] {
            assert!(is_english(s) && asks(s), "{s}");
        }
        for s in [
            "love it",
            "what?",
            "how cute",
            "what a beautiful dress",
            "who cares",
            "hello from brazil",
            "lol",
            "i want one",
        ] {
            assert!(is_english(s) && !asks(s), "{s}");
        }
        for s in ["多少钱", "lol强势回归", "3号多少"] {
            assert!(!is_english(s), "{s}");
        }
    }
}
