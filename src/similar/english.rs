//! English questions (TikTok LIVE, YouTube, Twitch rooms), reduced as the Chinese ones are: the words a
//! buyer asks about fold to the same concepts (how much is this = price?), and pronouns, auxiliaries
//! and question words say nothing about which question it is. The concept lists of `lists.rs` are
//! Chinese phrases; these are whole English words.

use super::{Signature, concept_char, concept_id, numbers::numbers_in};

/// English words by the concept of `lists.rs` they ask about.
const CONCEPTS: &[(&str, &[&str])] = &[
    ("@price", &["price", "prices", "cost", "costs", "much", "dollars", "usd"]),
    ("@link", &["link", "links", "buy", "order", "cart", "purchase"]),
    (
        "@size",
        &[
            "size",
            "sizes",
            "sizing",
            "fit",
            "fits",
            "small",
            "large",
            "big",
            "dimensions",
            "measurements",
            "wide",
            "width",
        ],
    ),
    ("@stock", &["restock", "stock", "sold", "available", "left"]),
    ("@promo", &["discount", "coupon", "code", "giveaway", "sale", "deal", "deals", "promo"]),
    ("@ship", &["ship", "shipping", "ships", "shipped", "deliver", "delivery", "arrive"]),
    ("@return", &["return", "returns", "refund", "exchange"]),
    ("@material", &["material", "made", "fabric", "leather", "cotton"]),
    ("@brand", &["brand"]),
    ("@color", &["color", "colors", "colour", "colours"]),
    ("@height", &["tall", "height"]),
    ("@age", &["old", "age"]),
];

/// Words that make an English comment a question, or address or point at someone (the host, the
/// model wearing the goods), but do not say which question.
const FILLER: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "were", "be", "it", "it's", "its", "this", "that", "these", "those", "there",
    "here", "how", "what", "what's", "whats", "where", "when", "which", "who", "why", "do", "does", "did", "can",
    "could", "will", "would", "should", "may", "i", "me", "my", "you", "u", "your", "ur", "we", "us", "our", "they",
    "them", "please", "pls", "plz", "any", "anyone", "for", "to", "of", "on", "in", "at", "with", "and", "or", "get",
    "have", "has", "need", "so", "just", "still", "one", "ones", "hi", "hey", "out", "true", "come", "she", "he",
    "her", "him", "his", "hers", "she's", "he's", "yet", "now", "today", "already", "again", "many", "see", "show",
];

/// The signature of an English question (`tokenize::is_english`) whose intent concept, if any, is
/// `intent_concept` (as `question_signature` picks it).
pub fn signature(text: &str, intent_concept: Option<&str>) -> Signature {
    let mut concepts: Vec<u8> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for w in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()) {
        if FILLER.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()) {
            continue; // numbers are compared separately
        }
        match CONCEPTS.iter().find(|(_, ws)| ws.contains(&w)) {
            Some((name, _)) => concepts.push(concept_id(name)),
            None => words.push(w.to_string()),
        }
    }
    if concepts.is_empty() && words.is_empty() {
        concepts.extend(intent_concept.map(concept_id));
    }
    concepts.sort_unstable();
    concepts.dedup();
    words.sort_unstable();
    words.dedup();
    words.truncate(super::MAX_WORDS);
    // The characters the pair model compares: the concepts, then the words, in a fixed order.
    let mut chars: String = concepts.iter().map(|&c| concept_char(c)).collect();
    chars.extend(words.iter().flat_map(|w| w.chars()).take(super::MAX_CHARS.saturating_sub(concepts.len())));
    Signature { concepts, words, numbers: numbers_in(text), chars, asks: 0, buying: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_phrasings_fold_to_one_signature() {
        let price = signature("how much is this", None);
        assert_eq!(price, signature("price?", None));
        assert_eq!(price, signature("what's the price", None));
        assert_ne!(price, signature("how much is shipping", None));
        assert_eq!(signature("do you ship to canada", None).words, ["canada"]);
        assert_eq!(signature("any left?", Some("@stock")).concepts, signature("sold out", None).concepts);
        // The person shown is the one asked about, whoever the pronoun names.
        assert_eq!(signature("how tall is she", None), signature("what is her height", None));
        assert_eq!(signature("has it shipped yet", None).concepts, signature("when will it ship", None).concepts);
    }
}
