//! A question's signature read with its intent, as grouping and the `similar` CLI read it: a
//! buying intent's concept for a question that names nothing else (这个多少 = 多少钱), the short
//! buying ask `threshold` lowers the bar for, and the buyers' synonyms and numbers read in one form.

use super::{Signature, concept_id, english, numbers, signature, synonyms};
use crate::intent::Intent;

/// `signature` of a question whose intent is known. A question with no content word (这个多少, 3号多少:
/// deictics, numbers and a question word) says its concept only through the form the intent rules
/// read, so its commerce intent adds that concept: 这个多少 asks what 多少钱 asks. A question with
/// words or a concept keeps its own signature (the pair model weighs its concepts against
/// open-domain pairs).
pub fn question_signature(text: &str, tokens: &[&str], intent: Intent) -> Signature {
    let mut sig = question_signature_of(text, tokens, intent);
    sig.buying = buying(text, intent);
    sig
}

fn question_signature_of(text: &str, tokens: &[&str], intent: Intent) -> Signature {
    if crate::tokenize::is_english(text) {
        return english::signature(text, intent_concept(intent));
    }
    // A question is read with its numbers in digits (一米六 = 160) and each listed synonym in one form
    // (小朋友能吃吗 = 孩子能吃吗).
    let digits = numbers::in_digits(text);
    let canonical = synonyms::canonical(digits.as_deref().unwrap_or(text)).or(digits);
    let mut sig = match &canonical {
        Some(t) => signature(t, &crate::tokenize::cut(t)),
        None => signature(text, tokens),
    };
    if !sig.words.is_empty() || !sig.concepts.is_empty() {
        return sig; // 包邮吗 says @free_ship whether its intent reads promo or shipping
    }
    let Some(concept) = intent_concept(intent) else { return sig };
    let id = concept_id(concept);
    if let Err(at) = sig.concepts.binary_search(&id) {
        sig.concepts.insert(at, id);
    }
    sig
}

/// Longer than this, a question is no live comment's quick ask, and its intent says less.
const SHORT_ASK_CHARS: usize = 12;

/// The intent `threshold` reads: a buying intent (price, link, size, stock, shipping, promotion,
/// after-sale) of a short question. The wider intents (usage, product, host, requests) cover too many
/// different asks.
fn buying(text: &str, intent: Intent) -> Option<Intent> {
    (intent.is_buying() && text.chars().count() <= SHORT_ASK_CHARS).then_some(intent)
}

/// The concept a commerce intent asks about, for a question that names none itself.
fn intent_concept(intent: Intent) -> Option<&'static str> {
    Some(match intent {
        Intent::Price => "@price",
        Intent::Link => "@link",
        Intent::SizeFit => "@size",
        Intent::Stock => "@stock",
        Intent::Promo => "@promo",
        Intent::Shipping => "@ship",
        Intent::AfterSale => "@return",
        Intent::Usage => "@usage",
        _ => return None,
    })
}
