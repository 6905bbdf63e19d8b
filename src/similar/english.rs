//! English questions (TikTok LIVE, YouTube, Twitch rooms), reduced as the Chinese ones are: the words a
//! buyer asks about fold to the same concepts (how much is this = price?), and pronouns, auxiliaries
//! and question words say nothing about which question it is. The concept lists of `lists.rs` are
//! Chinese phrases; these are whole English words.

use super::english_lists::{CONCEPTS, FILLER, GO, SAME_WORD};
use super::{Signature, concept_char, concept_id, numbers::numbers_in};

/// The signature of an English question (`tokenize::is_english`) whose intent concept, if any, is
/// `intent_concept` (as `question_signature` picks it).
pub fn signature(text: &str, intent_concept: Option<&str>) -> Signature {
    let mut concepts: Vec<u8> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let all = crate::tokenize::english_words(text);
    for (i, &w) in all.iter().enumerate() {
        if read_phrase(&all, i, &mut concepts, &mut words) {
            continue;
        }
        if FILLER.contains(&w) || GO.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()) {
            continue; // numbers are compared separately
        }
        // Back in stock, money back: the stock or the refund is the ask, not the back of the item.
        if w == "back" && (all.get(i + 1) == Some(&"in") || i > 0 && all[i - 1] == "money") {
            continue;
        }
        // Will it be back, is it coming back: a restock.
        if w == "back" && i > 0 && ["be", "coming", "come", "comes"].contains(&all[i - 1]) {
            concepts.push(concept_id("@stock"));
            continue;
        }
        let w = SAME_WORD.iter().find(|(x, _)| *x == w).map_or(w, |(_, y)| y);
        match CONCEPTS.iter().find(|(_, ws)| ws.contains(&w)) {
            Some((name, _)) => concepts.push(concept_id(name)),
            None => words.push(w.to_string()),
        }
    }
    settle(&all, &mut concepts, &mut words);
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
    Signature { concepts, words, numbers: numbers_in(text), chars, asks: 0, buying: None, aspect: None }
}

/// The rules that read a question's words together, once they are all read: what a word means
/// depends on the others (how long until it ships is a time, how long is the live its end).
fn settle(all: &[&str], concepts: &mut Vec<u8>, words: &mut Vec<String>) {
    // How long (how many days, how soon) until it ships, arrives or comes back asks when, not a length.
    if concepts.contains(&concept_id("@ship")) || concepts.contains(&concept_id("@stock")) {
        words.retain(|w| !["long", "days", "weeks", "soon", "fast"].contains(&w.as_str()));
    }
    // Is xl available, any xl left = do you have it in xl: a size asked for, whether in stock or not.
    const SIZES: &[&str] = &["xs", "s", "m", "l", "xl", "xxl", "2xl", "3xl", "xxxl"];
    if !words.is_empty() && words.iter().all(|w| SIZES.contains(&w.as_str())) {
        concepts.retain(|&c| c != concept_id("@stock"));
    }
    // A live's end or its next one, however it is put (how long is the live, when does the stream
    // end, how long are you on for, when do you go offline).
    let live = all.iter().any(|w| ["live", "stream", "streaming"].contains(w));
    let you_on = all.contains(&"you") && all.contains(&"on");
    let long = words.iter().any(|w| w == "long");
    if concepts.is_empty() {
        if words.iter().any(|w| w == "end") || long && (live || you_on && words.len() == 1) {
            words.retain(|w| !["long", "end", "tonight", "today"].contains(&w.as_str()));
            words.push("end".to_string());
        } else if live && all.iter().any(|w| ["next", "again", "tomorrow"].contains(w)) {
            words.retain(|w| !["next", "tomorrow"].contains(&w.as_str()));
            words.push("next".to_string());
        }
    }
    // How long a return may wait is the return policy (the return window, how many days to return).
    if concepts.contains(&concept_id("@return")) {
        words.retain(|w| !["window", "days", "long", "period", "after"].contains(&w.as_str()));
    }
    // A bigger or smaller size than one's own is whether it runs true.
    if concepts.contains(&concept_id("@size"))
        && words.iter().any(|w| ["bigger", "smaller", "larger"].contains(&w.as_str()))
    {
        words.retain(|w| !["bigger", "smaller", "larger"].contains(&w.as_str()));
        concepts.push(concept_id("@true_size"));
    }
    // Whether water harms it is whether it is waterproof; whether the colour goes is fading, however
    // it is washed; what a colour is called is the colour.
    if words.iter().any(|w| w == "waterproof") {
        words.retain(|w| !["damage", "damaged", "ruin", "fine", "ok", "rust", "resistant"].contains(&w.as_str()));
    }
    // Shrinking or fading in the wash is the shrinking or fading, however it is washed.
    if concepts.contains(&concept_id("@machine_wash")) && words.iter().any(|w| w == "smaller") {
        words.retain(|w| w != "smaller");
        words.push("shrink".to_string());
    }
    if words.iter().any(|w| w == "fade" || w == "shrink") {
        words.retain(|w| !["after", "its", "lose", "over"].contains(&w.as_str()));
        concepts.retain(|&c| c != concept_id("@color") && c != concept_id("@machine_wash"));
    }
    // Whether the price moves later or after the live is whether it moves.
    if words.iter().any(|w| w == "rise") {
        words.retain(|w| !["later", "after"].contains(&w.as_str()));
    }
    // What suits a skin type is one ask however it is put (ok for, good for, works on, suits).
    if words.iter().any(|w| w == "skin") {
        words.retain(|w| !["work", "works", "suit", "suits", "suitable"].contains(&w.as_str()));
    }
    // Which item the person shown has on (which one is she wearing, the one on the model).
    let worn = ["wearing", "wears"].iter().any(|w| all.contains(w))
        || all.windows(2).any(|p| p[0] == "on" && ["her", "him", "model", "the"].contains(&p[1]));
    if worn && concepts.is_empty() && words.iter().all(|w| ["style", "item", "outfit"].contains(&w.as_str())) {
        *words = vec!["worn".to_string()];
    }
    if concepts.contains(&concept_id("@color")) {
        words.retain(|w| w != "name");
    }
    // How or where a code goes in is one ask (apply, put, enter, redeem it), not whether there is one.
    if concepts.contains(&concept_id("@promo"))
        && (all.iter().any(|w| ["how", "where"].contains(w)) || words.iter().any(|w| w == "enter" || w == "try"))
    {
        words.retain(|w| !["enter", "try", "box", "checkout"].contains(&w.as_str()));
        words.push("enter".to_string());
    }
    // How long the battery lasts is one ask however it is put (battery life, how many hours).
    if words.iter().any(|w| w == "battery") {
        words.retain(|w| !["life", "last", "lasts", "hours", "long"].contains(&w.as_str()));
    }
    // Whether it runs true is a size question too (is the fit true = is it true to size).
    if concepts.contains(&concept_id("@true_size")) {
        concepts.push(concept_id("@size"));
    }
    // How much does it weigh, how much stock is left: "much" is not a price there.
    let price = concept_id("@price");
    let measured = [concept_id("@weight"), concept_id("@stock")];
    if concepts.iter().any(|c| measured.contains(c))
        && !all.iter().any(|w| ["price", "prices", "cost", "costs"].contains(w))
    {
        concepts.retain(|&c| c != price);
    }
}

/// Reads word `i` of `all` where it is part of a phrase that asks something of its own (go up, size
/// down, how much longer, in the box), into `concepts` and `words`; false when the word stands alone.
fn read_phrase(all: &[&str], i: usize, concepts: &mut Vec<u8>, words: &mut Vec<String>) -> bool {
    let w = all[i];
    let prev = if i > 0 { all[i - 1] } else { "" };
    let next = all.get(i + 1).copied().unwrap_or("");
    if (w == "up" || w == "down") && GO.contains(&prev) || w == "expensive" && prev == "more" || w == "pricier" {
        concepts.push(concept_id("@price"));
        words.push(if w == "down" { "fall" } else { "rise" }.to_string());
        return true;
    }
    // Size up or down: which way to go is whether it runs true.
    if (w == "up" || w == "down") && all[..i].contains(&"size") {
        concepts.push(concept_id("@true_size"));
        return true;
    }
    // How much longer: a time, not a price. The last one: what is left.
    if w == "much" && next == "longer" || w == "last" && next == "one" {
        if w == "last" {
            concepts.push(concept_id("@stock"));
        }
        return true;
    }
    // Washes out, loses its colour: it fades. In the box: included.
    if w == "wash" && next == "out" || w == "lose" && all[i..].iter().any(|&x| x.starts_with("colo")) {
        words.push("fade".to_string());
        return true;
    }
    if ["box", "package"].contains(&w) && (prev == "in" || prev == "the" && i >= 2 && all[i - 2] == "in")
        || ["come", "comes", "get"].contains(&w) && all[i..].contains(&"with")
    {
        words.push("included".to_string()); // what comes with it
        return true;
    }
    // Cost more: the price going up. What does it look like: show it. Change colour: fade.
    if w == "more" && ["cost", "costs"].contains(&prev) {
        words.push("rise".to_string());
        return true;
    }
    if w == "look" && next == "like" || w == "like" && prev == "look" || w == "turn" && all[i..].contains(&"around") {
        return true;
    }
    if w == "change" && next.starts_with("colo") {
        words.push("fade".to_string());
        return true;
    }
    false
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
        // Whether the price moved is its own ask.
        assert_ne!(price, signature("did the price go up", None));
        assert_eq!(signature("did the price go up", None), signature("has the price increased", None));
        assert_eq!(signature("do you ship to canada", None).words, ["canada"]);
        assert_eq!(signature("any left?", Some("@stock")).concepts, signature("sold out", None).concepts);
        // The person shown is the one asked about, whoever the pronoun names.
        assert_eq!(signature("how tall is she", None), signature("what is her height", None));
        assert_eq!(signature("has it shipped yet", None).concepts, signature("when will it ship", None).concepts);
        // Runs true is not which size someone wears; back in stock is stock; how much it weighs is
        // not a price; how long until it arrives is not a length.
        assert_ne!(signature("is it true to size", None), signature("what size is she wearing", None));
        assert_eq!(signature("is it true to size", None).concepts, signature("does it run small", None).concepts);
        assert_eq!(signature("when is it back in stock", None), signature("restock when", None));
        assert_eq!(signature("how much does it weigh", None), signature("is it heavy", None));
        assert_eq!(signature("how many days for delivery", None), signature("when will it arrive", None));
        assert_ne!(signature("how much is shipping", None), signature("when will it arrive", None));
    }

    #[test]
    fn english_asks_about_time_wear_and_codes() {
        let same = |a: &str, b: &str| assert_eq!(signature(a, None), signature(b, None), "{a} = {b}");
        let apart = |a: &str, b: &str| assert_ne!(signature(a, None), signature(b, None), "{a} != {b}");
        same("how long is the live", "when does the stream end");
        same("how much longer are you live", "when are you ending the stream");
        same("when is the next live", "when are you live again");
        apart("how long is the live", "when is the next live");
        apart("how long is the live", "how long do i have to return");
        same("what is the return window", "how many days to return");
        same("should i size up", "do i need a bigger size");
        same("is it more expensive now", "did the price go up");
        same("does it fade after washing", "will it lose its color");
        same("does the color wash out", "will the color fade");
        same("can i wear it in the shower", "does water damage it");
        same("is this the last one", "any left");
        same("how do i apply the code", "where do i put the discount code");
        apart("how do i apply the code", "is there a discount code");
        same("shipping fee?", "how much is shipping");
    }
}
