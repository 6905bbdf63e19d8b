//! Suggested answers to hot questions, grounded in the seller's catalog. When a catalog FAQ entry
//! answers the question, that answer is used as written (no LLM call at all). A model's answer is
//! accepted only if every number and every promise in it is backed by the catalog; otherwise the
//! suggestion is "请主播确认…" — a made-up price, stock level or guarantee costs the seller more than
//! a missing answer.

use super::sanitize::plain_line;
use crate::catalog::{Catalog, Faq, Product};

pub const MAX_ANSWER_CHARS: usize = 120;

/// Words that promise something the catalog must back (stock, guarantees, lowest price…).
const PROMISES: &[&str] = &[
    "保证",
    "绝对",
    "一定",
    "承诺",
    "包退",
    "包换",
    "无理由",
    "永久",
    "终身",
    "全网最低",
    "最低价",
    "史低",
    "现货",
    "有货",
    "库存",
    "不限量",
    "秒发",
    "当天发",
    "次日达",
    "赠送",
    "送",
    "免单",
    "guarantee",
    "in stock",
    "lowest",
    "free",
];

fn bigrams(s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Share of the FAQ question's character bigrams that the viewer's question contains.
fn overlap(question: &str, faq_q: &str) -> f64 {
    let (a, b) = (bigrams(question), bigrams(faq_q));
    if b.is_empty() {
        return 0.0;
    }
    b.iter().filter(|g| a.contains(g)).count() as f64 / b.len() as f64
}

/// The product a question names: by link number (3号, 3号链接) or by name/alias.
pub fn product_for<'a>(question: &str, catalog: &'a Catalog) -> Option<&'a Product> {
    let digits: String =
        question.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
    let by_link = digits.parse().ok().filter(|_| question.contains('号') || question.contains("链接"));
    by_link.and_then(|l| catalog.by_link(l)).or_else(|| {
        catalog.products.iter().find(|p| {
            std::iter::once(&p.name).chain(&p.aliases).any(|n| n.chars().count() >= 2 && question.contains(n.as_str()))
        })
    })
}

/// FAQ entries relevant to a question, best first, with their product: the named product's entries
/// first, then entries from any product whose question overlaps.
pub fn relevant_faq<'a>(question: &str, catalog: &'a Catalog, limit: usize) -> Vec<(&'a Product, &'a Faq, f64)> {
    let named = product_for(question, catalog);
    let mut all: Vec<(&Product, &Faq, f64)> = catalog
        .products
        .iter()
        .flat_map(|p| p.faq.iter().map(move |f| (p, f)))
        .map(|(p, f)| {
            let bonus = if named.is_some_and(|n| std::ptr::eq(n, p)) { 0.25 } else { 0.0 };
            (p, f, overlap(question, &f.q) + bonus)
        })
        .filter(|(_, _, s)| *s >= 0.34)
        .collect();
    all.sort_by(|a, b| b.2.total_cmp(&a.2));
    all.truncate(limit);
    all
}

/// An answer straight from the catalog when one FAQ entry clearly matches, or the product's price
/// for a price question about a named product.
pub fn local_answer(question: &str, catalog: &Catalog) -> Option<String> {
    if let Some((p, f, score)) = relevant_faq(question, catalog, 1).into_iter().next() {
        if score >= 0.6 {
            return Some(plain_line(&format!("{}：{}", p.name, f.a), MAX_ANSWER_CHARS));
        }
    }
    let p = product_for(question, catalog)?;
    let asks_price = ["多少钱", "价格", "什么价", "啥价", "价钱", "多钱"].iter().any(|w| question.contains(w));
    match (&p.price, asks_price) {
        (Some(price), true) => Some(plain_line(&format!("{}：{}", p.name, price), MAX_ANSWER_CHARS)),
        _ => None,
    }
}

/// What the host must confirm when nothing grounded can be said.
pub fn fallback(question: &str, zh: bool) -> String {
    let q = plain_line(question, 40);
    if zh { format!("请主播确认：{q}") } else { format!("Host to confirm: {q}") }
}

/// Keeps a model's answer only if its numbers and promises appear in `grounding` (the catalog text the
/// prompt gave for this question) or in the question itself.
pub fn check(answer: &str, question: &str, grounding: &str, zh: bool) -> String {
    let a = plain_line(answer, MAX_ANSWER_CHARS);
    if a.is_empty() || a.starts_with("请主播确认") || a.starts_with("Host to confirm") {
        return if a.is_empty() { fallback(question, zh) } else { a };
    }
    let backed = |s: &str| grounding.contains(s) || question.contains(s);
    let mut numbers =
        a.split(|c: char| !(c.is_ascii_digit() || c == '.')).filter(|n| n.chars().any(|c| c.is_ascii_digit()));
    let lower = a.to_lowercase();
    let promise = PROMISES.iter().any(|w| lower.contains(w) && !backed(w));
    if numbers.any(|n| !backed(n.trim_matches('.'))) || promise { fallback(question, zh) } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse("链接号,名称,别名,价格,卖点,FAQ\n3,冰丝阔腿裤,阔腿裤,59,凉快,有什么尺码：S到XL四个码|包邮吗：全国包邮（偏远地区除外）\n5,小白鞋,,129元,,\n").unwrap()
    }

    #[test]
    fn faq_answers_locally() {
        let c = catalog();
        assert_eq!(local_answer("3号有什么尺码呀", &c).as_deref(), Some("冰丝阔腿裤：S到XL四个码"));
        assert_eq!(local_answer("包邮吗", &c).as_deref(), Some("冰丝阔腿裤：全国包邮（偏远地区除外）"));
        assert_eq!(local_answer("5号多少钱", &c).as_deref(), Some("小白鞋：129元"));
        assert_eq!(local_answer("主播多高", &c), None);
    }

    #[test]
    fn invented_numbers_and_promises_become_confirm() {
        let g = "冰丝阔腿裤 价格59 FAQ 有什么尺码：S到XL四个码";
        assert_eq!(check("59元，S到XL都有", "3号多少钱", g, true), "59元，S到XL都有");
        assert_eq!(check("现在下单只要39元", "3号多少钱", g, true), "请主播确认：3号多少钱");
        assert_eq!(check("有现货，今天就发", "还有货吗", g, true), "请主播确认：还有货吗");
        assert_eq!(check("保证不起球", "会起球吗", g, true), "请主播确认：会起球吗");
        assert_eq!(check("3号是冰丝面料，很凉快", "3号什么面料", g, true), "3号是冰丝面料，很凉快");
        assert_eq!(check("", "在吗", g, false), "Host to confirm: 在吗");
    }
}
