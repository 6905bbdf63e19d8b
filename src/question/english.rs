//! English comments (TikTok LIVE, YouTube, Twitch rooms). The question model learned from Chinese
//! rooms and reads no English, so an English comment asks by its form: a question mark, a question
//! word or auxiliary first (how much is this, do you ship to canada), a question word last
//! (restock when), or a short ask for the link (link please).

pub use crate::tokenize::is_english;

const WH: &[&str] = &[
    "how", "what", "what's", "whats", "where", "where's", "when", "when's", "which", "who", "who's", "whose", "why",
    "any",
];
/// Auxiliaries that open a yes-or-no question (is it real leather, has it shipped, did anyone get theirs).
const AUX: &[&str] = &[
    "is", "are", "am", "was", "were", "do", "does", "did", "has", "have", "can", "could", "will", "would", "should",
    "shall", "may", "might", "u", "isn't", "aren't", "doesn't", "don't", "didn't", "can't", "won't", "wasn't",
];
/// Words that point at the room: its people, the item shown, what a buyer asks about. A question
/// word first asks when one follows; a bare title does not (What is love, in a Chinese room's song
/// requests).
const POINTED: &[&str] = &[
    "you", "u", "your", "ur", "yours", "i", "me", "my", "mine", "we", "us", "our", "it", "its", "this", "that",
    "these", "those", "there", "they", "them", "their", "theirs", "she", "her", "hers", "he", "him", "his", "anyone",
    "anybody", "someone", "the", "one", "ones", "price", "size", "sizes", "sizing", "shipping", "ship", "link",
    "discount", "code", "stock", "color", "colors", "colour", "material", "fabric", "brand", "song", "included",
];
/// What a buyer asks about, right after an auxiliary, asks too (is shipping free, is delivery fast).
const ASKED_AFTER_AUX: &[&str] =
    &["shipping", "delivery", "price", "size", "stock", "link", "code", "discount", "material", "color"];
/// The subject right after an auxiliary that makes it a question (is it, can we, did anyone, are
/// there); without one the auxiliary opens a statement whose subject chat drops (can't wait).
const SUBJECTS: &[&str] = &[
    "you", "u", "i", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there", "the", "anyone",
    "anybody", "someone", "my", "your", "ur", "her", "his", "their", "our", "its", "any", "all", "everyone",
];
/// A short comment opening with one of these asks for it (price on the necklace, size chart please).
const ASKED_NOUNS: &[&str] = &["link", "links", "price", "prices", "size", "sizes", "measurements", "code"];
/// In a short comment about the link, these report a fault rather than ask (the link doesn't work).
const FAULTS: &[&str] = &["doesn't", "don't", "isn't", "not", "won't", "broken", "dead", "expired"];
/// A polite imperative opening with one of these asks the host to do it (show the back please,
/// try it on pls), as 试一下 does in a Chinese room.
const REQUESTS: &[&str] = &[
    "show", "try", "zoom", "turn", "put", "drop", "send", "post", "pin", "tell", "read", "say", "sing", "play", "give",
    "hold", "open", "spin", "measure", "compare", "check", "bring", "wear", "explain",
];
/// An imperative opening with one of these, its object pointed at (show the back, drop the link, try
/// it on), asks without a please too; check it out, bring it on and the like exclaim.
const BARE_REQUESTS: &[&str] =
    &["show", "try", "zoom", "turn", "drop", "send", "post", "pin", "tell", "read", "sing", "open", "spin", "measure"];
const OBJECTS: &[&str] = &["the", "it", "this", "that", "me", "us", "your", "her", "his", "them", "those", "these"];
/// A question mark after one of these alone is a reaction, not an ask.
const REACTIONS: &[&str] = &["what", "huh", "why", "really", "wtf", "lol", "omg", "hmm", "eh", "seriously"];
/// First words that exclaim rather than ask: what a dress, how cute, who cares.
const EXCLAIMS: &[(&str, &str)] = &[("what", "a"), ("what", "an"), ("who", "cares"), ("why", "not")];
/// After `how`, these ask (how much, how long); any other word exclaims (how cute).
const HOW_ASKS: &[&str] = &[
    "much", "many", "long", "big", "tall", "old", "do", "does", "did", "is", "are", "can", "to", "about", "come",
    "far", "soon", "heavy", "often", "was", "will", "would", "should", "wide", "small", "large", "high", "deep",
    "thick", "late", "early", "fast", "were", "has", "have", "could",
];

/// Whether an English comment (`is_english`, cleaned and lower-cased) asks something.
pub fn asks(text: &str) -> bool {
    let words = crate::tokenize::english_words(text);
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
    let pointed = first == "any"
        || (first == "how" && ["much", "many"].contains(&second))
        || words.iter().any(|w| POINTED.contains(w));
    let short = words.len() <= 5;
    let faulty = words.iter().any(|w| FAULTS.contains(w));
    (!rest.is_empty() && pointed && WH.contains(&first))
        || (rest.len() >= 2
            && AUX.contains(&first)
            && (SUBJECTS.contains(&second) || ASKED_AFTER_AUX.contains(&second) || (first == "u" && pointed)))
        // is a charger included, is an xl available: an article takes a longer question.
        || (rest.len() >= 3 && ["is", "are"].contains(&first) && ["a", "an"].contains(&second))
        || (words.len() <= 6 && BARE_REQUESTS.contains(&first) && OBJECTS.contains(&second))
        || (words.len() <= 7 && matches!((first, second), ("let", "me" | "us")) && rest.get(1) == Some(&"see"))
        || (!rest.is_empty() && ["when", "where", "how"].contains(&last))
        || (words.len() <= 6 && REQUESTS.contains(&first) && words.iter().any(|w| ["please", "pls", "plz"].contains(w)))
        || (short && !faulty && (ASKED_NOUNS.contains(&first) || (words.len() <= 4 && words.contains(&"link"))))
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
            "how tall is she",
            "has it shipped yet",
            "is the bundle still on",
            "did anyone get theirs yet",
            "price on the necklace",
            "show the back please",
            "show the back",
            "drop the link",
            "let me see it up close",
            "is shipping free",
            "is a charger included",
            "what's included",
            "when's the next stream",
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
            "can't wait for mine",
            "is good",
            "the link doesn't work",
            "yes please",
            "what is love",
            "check it out",
            "is a vibe",
        ] {
            assert!(is_english(s) && !asks(s), "{s}");
        }
        for s in ["多少钱", "lol强势回归", "3号多少"] {
            assert!(!is_english(s), "{s}");
        }
    }
}
