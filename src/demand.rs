//! Product demand: which products the room talks about, wants and asks about — by link number
//! (3号, 三号链接, 链接3, #3) and, with a catalog, by name or alias.

use crate::catalog::Catalog;
use crate::sketch::{DecayClock, Distinct};
use serde::{Deserialize, Serialize};

/// Without a catalog, link numbers beyond this are more likely sizes or prices than links.
const MAX_LINK: u32 = 200;
const MAX_TRACKED: usize = 100;
const HALF_LIFE_MS: f64 = 5.0 * 60_000.0;

/// Words that turn a mention into demand (想要 3号, 3号拍了).
const WANT: &[&str] = &[
    "想要",
    "要一个",
    "要一件",
    "要了",
    "我要",
    "求",
    "上车",
    "拍了",
    "已拍",
    "拍下",
    "下单",
    "买了",
    "冲",
    "蹲",
    "来一单",
    "加购",
    "抢",
    "带走",
    "安排",
    "要两",
    "买它",
    "入手",
];

pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Parses 3, 03, 三, 十二, 二十, 二十三 (what hosts and viewers call link numbers).
pub fn parse_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let chars: Vec<char> = s.chars().collect();
    parse_cn(&chars)
}

/// A number in Chinese numerals (三, 十二, 二十三); `None` for anything else.
fn parse_cn(chars: &[char]) -> Option<u32> {
    if chars.iter().any(|&c| cn_digit(c).is_none()) {
        return None;
    }
    match chars.iter().position(|&c| c == '十') {
        None if chars.len() == 1 => cn_digit(chars[0]),
        None => None,
        Some(p) => {
            let tens = if p == 0 {
                1
            } else if p == 1 {
                cn_digit(chars[0])?
            } else {
                return None;
            };
            let ones = match &chars[p + 1..] {
                [] => 0,
                [c] => cn_digit(*c).filter(|&d| d < 10)?,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
    }
}

/// `parse_number` of at most three characters, each an ASCII digit or a Chinese numeral.
fn parse_short(chars: &[char]) -> Option<u32> {
    if chars.iter().all(char::is_ascii_digit) {
        return chars.iter().try_fold(0u32, |n, c| Some(n * 10 + c.to_digit(10)?)).filter(|_| !chars.is_empty());
    }
    parse_cn(chars)
}

/// Link numbers named in a cleaned comment.
pub fn link_numbers(text: &str) -> Vec<u32> {
    // Most comments name no number at all; only digits or 号 can start one.
    if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains('号') {
        return Vec::new();
    }
    // The characters, on the stack for the usual short comment.
    let mut stack = ['\0'; 128];
    let heap: Vec<char>;
    let chars: &[char] = if text.len() <= stack.len() {
        let mut n = 0;
        for c in text.chars() {
            stack[n] = c;
            n += 1;
        }
        &stack[..n]
    } else {
        heap = text.chars().collect();
        &heap
    };
    let mut out = Vec::new();
    let num_at = |i: usize| -> Option<(u32, usize)> {
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || cn_digit(chars[j]).is_some()) && j - i < 3 {
            j += 1;
        }
        parse_short(&chars[i..j]).map(|n| (n, j))
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_number = (c.is_ascii_digit() || cn_digit(c).is_some()) && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts_number {
            if let Some((n, j)) = num_at(i) {
                // 3号 / 三号 (but not 号码), 3链接
                let hao = chars.get(j) == Some(&'号') && chars.get(j + 1) != Some(&'码');
                let link_after = chars[j..].starts_with(&['链', '接']);
                let link_before = i >= 2 && chars[i - 2..i] == ['链', '接'];
                let hash = i >= 1 && chars[i - 1] == '#';
                if (hao || link_after || link_before || hash) && (1..=MAX_LINK).contains(&n) && !out.contains(&n) {
                    out.push(n);
                }
                i = j.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Tracked {
    key: String,
    link: Option<u32>,
    catalog_index: Option<usize>,
    mentions: u64,
    wants: u64,
    questions: u64,
    users: Distinct,
    last_seen_ms: i64,
    recent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDemand {
    /// What to show: the catalog name, or "3号链接".
    pub name: String,
    pub link: Option<u32>,
    pub mentions: u64,
    pub wants: u64,
    pub questions: u64,
    pub users: u64,
    /// Decayed mentions (about the last five minutes).
    pub recent: f64,
    pub last_seen_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Demand {
    catalog: Catalog,
    /// Lower-cased names and aliases with their catalog index, longest first.
    #[serde(skip)]
    names: Vec<(String, usize)>,
    tracked: Vec<Tracked>,
    clock: DecayClock,
}

impl Default for Demand {
    fn default() -> Self {
        Demand {
            catalog: Catalog::default(),
            names: Vec::new(),
            tracked: Vec::new(),
            clock: DecayClock::new(HALF_LIFE_MS),
        }
    }
}

impl Demand {
    pub fn set_catalog(&mut self, catalog: Catalog) {
        self.catalog = catalog;
        self.tracked.clear();
        self.after_restore();
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn after_restore(&mut self) {
        let mut names: Vec<(String, usize)> = Vec::new();
        for (i, p) in self.catalog.products.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(p.aliases.iter()) {
                let n = crate::clean::clean(n).text.to_lowercase();
                if n.chars().count() >= 2 {
                    names.push((n, i));
                }
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.names = names;
    }

    /// Records the products a comment mentions. `text` is cleaned and lower-cased; `links` are the
    /// link numbers in it (`link_numbers`).
    pub fn observe(&mut self, text: &str, links: &[u32], is_question: bool, user: u64, now_ms: i64) {
        if let Some(f) = self.clock.rebase(now_ms) {
            self.tracked.iter_mut().for_each(|t| t.recent /= f);
        }
        let mut hits: Vec<(Option<u32>, Option<usize>)> = Vec::new();
        for &n in links {
            let idx = self.catalog.products.iter().position(|p| p.link == Some(n));
            if !self.catalog.products.is_empty() && idx.is_none() && n > 50 {
                continue;
            }
            hits.push((Some(n), idx));
        }
        for (name, idx) in &self.names {
            if text.contains(name.as_str()) && !hits.iter().any(|h| h.1 == Some(*idx)) {
                hits.push((self.catalog.products[*idx].link, Some(*idx)));
            }
        }
        if hits.is_empty() {
            return;
        }
        let wants = WANT.iter().any(|w| text.contains(w));
        let boost = self.clock.boost(now_ms);
        for (link, idx) in hits {
            let key = match (idx, link) {
                (Some(i), _) => format!("#{i}"),
                (None, Some(n)) => format!("{n}号"),
                (None, None) => continue,
            };
            let pos = match self.tracked.iter().position(|t| t.key == key) {
                Some(p) => p,
                None => self.make_room(key, link, idx),
            };
            let t = &mut self.tracked[pos];
            t.mentions += 1;
            t.wants += wants as u64;
            t.questions += is_question as u64;
            t.users.insert(user);
            t.last_seen_ms = now_ms;
            t.recent += boost;
        }
    }

    fn make_room(&mut self, key: String, link: Option<u32>, idx: Option<usize>) -> usize {
        let fresh = Tracked {
            key,
            link,
            catalog_index: idx,
            mentions: 0,
            wants: 0,
            questions: 0,
            users: Distinct::new(256),
            last_seen_ms: 0,
            recent: 0.0,
        };
        if self.tracked.len() < MAX_TRACKED {
            self.tracked.push(fresh);
            return self.tracked.len() - 1;
        }
        let weakest = (0..self.tracked.len())
            .min_by(|&a, &b| self.tracked[a].recent.total_cmp(&self.tracked[b].recent))
            .expect("MAX_TRACKED > 0");
        self.tracked[weakest] = fresh;
        weakest
    }

    /// Products by recent mentions, then wants and all-time mentions.
    pub fn top(&self, n: usize, now_ms: i64) -> Vec<ProductDemand> {
        let boost = self.clock.boost(now_ms);
        let mut v: Vec<ProductDemand> = self.tracked.iter().map(|t| self.view(t, boost)).collect();
        v.sort_by(|a, b| {
            b.recent
                .total_cmp(&a.recent)
                .then(b.wants.cmp(&a.wants))
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        v.truncate(n);
        v
    }

    /// Products by all-session mentions (the report).
    pub fn session_top(&self, n: usize) -> Vec<ProductDemand> {
        let mut v: Vec<ProductDemand> = self.tracked.iter().map(|t| self.view(t, f64::INFINITY)).collect();
        v.sort_by(|a, b| (b.wants + b.mentions).cmp(&(a.wants + a.mentions)).then_with(|| a.name.cmp(&b.name)));
        v.truncate(n);
        v
    }

    fn view(&self, t: &Tracked, boost: f64) -> ProductDemand {
        let name = match (t.catalog_index, t.link) {
            (Some(i), _) => self.catalog.products[i].name.clone(),
            (None, Some(n)) => format!("{n}号链接"),
            (None, None) => t.key.clone(),
        };
        ProductDemand {
            name,
            link: t.link,
            mentions: t.mentions,
            wants: t.wants,
            questions: t.questions,
            users: t.users.count(),
            recent: crate::keywords::round1(if boost.is_finite() { t.recent / boost } else { 0.0 }),
            last_seen_ms: t.last_seen_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("3"), Some(3));
        assert_eq!(parse_number("三"), Some(3));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十"), Some(20));
        assert_eq!(parse_number("二十三"), Some(23));
        assert_eq!(parse_number("x"), None);
    }

    #[test]
    fn short_numbers_parse_as_parse_number() {
        let digits = ['0', '1', '3', '9', '零', '一', '两', '三', '十', '九'];
        for a in digits {
            for b in digits.iter().copied().chain([' ']) {
                for c in digits.iter().copied().chain([' ']) {
                    let v: Vec<char> = [a, b, c].into_iter().filter(|&x| x != ' ').collect();
                    let s: String = v.iter().collect();
                    assert_eq!(parse_short(&v), parse_number(&s), "{s}");
                }
            }
        }
    }

    #[test]
    fn link_mentions() {
        assert_eq!(link_numbers("3号链接多少钱"), vec![3]);
        assert_eq!(link_numbers("三号呢"), vec![3]);
        assert_eq!(link_numbers("链接5还有吗"), vec![5]);
        assert_eq!(link_numbers("#12"), vec![12]);
        assert_eq!(link_numbers("我160穿什么码"), Vec::<u32>::new());
        assert_eq!(link_numbers("手机号码"), Vec::<u32>::new());
        assert_eq!(link_numbers("3号和5号"), vec![3, 5]);
    }

    #[test]
    fn demand_with_a_catalog() {
        let mut d = Demand::default();
        d.set_catalog(Catalog::parse("链接号,名称,别名\n3,冰丝阔腿裤,阔腿裤\n").unwrap());
        for (i, t) in ["想要阔腿裤", "3号多少钱", "5号呢"].into_iter().enumerate() {
            d.observe(t, &link_numbers(t), i > 0, i as u64 + 1, (i as i64 + 1) * 1000);
        }
        let top = d.top(5, 3000);
        assert_eq!(top[0].name, "冰丝阔腿裤");
        assert_eq!((top[0].mentions, top[0].wants, top[0].questions, top[0].users), (2, 1, 1, 2));
        assert_eq!(top[1].name, "5号链接");
    }
}
