//! The numbers a question names: 3号 and 5号 ask about different items, 一米六 and 一米七 different
//! sizes; 160, 160cm, 一米六 and 1米6 are one height, 120斤 and 一百二十斤 one weight.

use crate::tokenize::is_han;

/// Numbers with their unit or role (3号, 160, s码): two questions naming different ones differ.
/// A height is its centimetres, bare as viewers mostly write it (我160穿什么码).
pub fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.chars().any(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some() || matches!(c, 's' | 'm' | 'l'))
    {
        return out; // most questions name no number: no character buffer
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // Each reading is tried only where it can start: a height at 1 or 一, a waist before 尺, a
        // size at a letter or a digit before x.
        let c = chars[i];
        if matches!(c, '1' | '一')
            && let Some((cm, end)) = height_at(&chars, i)
        {
            out.push(cm.to_string());
            i = end;
        } else if chars.get(i + 1) == Some(&'尺')
            && let Some((chi, end)) = chi_at(&chars, i)
        {
            out.push(chi);
            i = end;
        } else if (matches!(c, 'x' | 's' | 'm' | 'l') || c.is_ascii_digit() && chars.get(i + 1) == Some(&'x'))
            && let Some((size, end)) = letter_size_at(&chars, i)
        {
            out.push(size);
            i = end;
        } else if chars[i].is_ascii_digit() || cn_numeral(chars[i]) && next_is_unit(&chars, i) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || cn_numeral(chars[i])) {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let value = parse(&digits).map_or(digits, |n| n.to_string());
            let cm = chars.get(i) == Some(&'c') && chars.get(i + 1) == Some(&'m');
            let unit =
                chars.get(i).filter(|c| matches!(c, '号' | '斤' | '码' | '岁' | '元' | '块' | 'g' | 'k' | 'c' | 'm'));
            out.push(match unit {
                Some(u) if !cm => format!("{value}{u}"),
                _ => value,
            });
        } else {
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The text with every height and every Chinese number before a unit in digits (一米六穿多大 →
/// 160穿多大, 一百二十斤 → 120斤, 160cm → 160), so the rest of a signature reads one spelling; `None`
/// when there is nothing to rewrite (most questions).
pub fn in_digits(text: &str) -> Option<String> {
    // What can be rewritten needs one of these (a unit and a numeral, 米, 1., cm); most questions hold
    // none, and no buffer is made. One pass: `...` and `。` are common, so `.` counts only after a 1.
    let (mut unit, mut numeral, mut measure, mut prev) = (false, false, false, ' ');
    for c in text.chars() {
        match c {
            '号' | '斤' | '岁' => unit = true,
            '米' => measure = true,
            '.' if prev == '1' => measure = true,
            'm' if prev == 'c' => measure = true,
            _ => numeral |= cn_numeral(c),
        }
        prev = c;
    }
    if !(unit && numeral || measure) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut out, mut changed, mut i) = (String::with_capacity(text.len()), false, 0);
    while i < chars.len() {
        if matches!(chars[i], '1' | '一')
            && let Some((cm, end)) = height_at(&chars, i)
        {
            out.push_str(&cm.to_string());
            (changed, i) = (true, end);
        } else if cn_numeral(chars[i]) && next_is_unit(&chars, i) {
            let end = numeral_end(&chars, i);
            let numeral: String = chars[i..end].iter().collect();
            match parse(&numeral) {
                Some(n) => {
                    out.push_str(&n.to_string());
                    changed = true;
                }
                None => out.push_str(&numeral),
            }
            i = end;
        } else if chars[i] == 'c' && chars.get(i + 1) == Some(&'m') && i > 0 && chars[i - 1].is_ascii_digit() {
            (changed, i) = (true, i + 2);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// A digit, or a Chinese numeral up to the hundreds (一百六十斤).
fn cn_numeral(c: char) -> bool {
    crate::demand::cn_digit(c).is_some() || c == '百'
}

/// A number in Chinese numerals counts only before a unit that says it is one (三号, 两岁, 一百斤):
/// elsewhere 一 and 十 are words (一下, 十分).
fn next_is_unit(chars: &[char], i: usize) -> bool {
    let j = numeral_end(chars, i);
    j > i && matches!(chars.get(j), Some('号' | '斤' | '岁'))
}

/// Where the run of Chinese numerals and digits from `i` ends.
fn numeral_end(chars: &[char], i: usize) -> usize {
    i + chars[i..].iter().take_while(|&&c| cn_numeral(c)).count()
}

/// The digit 0–9 at `k`, in Arabic or Chinese numerals.
fn digit_at(chars: &[char], k: usize) -> Option<u32> {
    chars.get(k).and_then(|&c| c.to_digit(10).or_else(|| crate::demand::cn_digit(c).filter(|&d| d < 10)))
}

/// 3, 三, 十二, 一百二十, 一百六 (= 160, as it is said), 两百, 一百零五.
fn parse(s: &str) -> Option<u32> {
    let Some((hundreds, rest)) = s.split_once('百') else { return crate::demand::parse_number(s) };
    let h = match hundreds {
        "" => 1,
        h => crate::demand::parse_number(h).filter(|&h| h < 10)?,
    };
    let rest = rest.strip_prefix('零').map_or_else(|| (rest, 10), |r| (r, 1));
    let low = match rest {
        ("", _) => 0,
        (r, scale) if r.chars().count() == 1 => crate::demand::parse_number(r).filter(|&d| d < 10)? * scale,
        (r, _) => crate::demand::parse_number(r).filter(|&n| n < 100)?,
    };
    Some(h * 100 + low)
}

/// A clothing size in letters at `i` — s, m, l, xl, xxl, 2xl — named in a Chinese ask (l码纸尿裤,
/// 有xl吗, xl还有吗: next to a Chinese character or 码), as `xl码`; and where it ends. In English text
/// the letters are words (i'm, a size m reads through `english.rs`'s own lists).
fn letter_size_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    if i > 0 && chars[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let xs = chars[i..].iter().take_while(|&&c| c == 'x').count();
    let digit_xl = xs == 0 && chars[i].is_ascii_digit() && chars.get(i + 1) == Some(&'x');
    let (start, xs) =
        if digit_xl { (i + 1, chars[i + 1..].iter().take_while(|&&c| c == 'x').count()) } else { (i, xs) };
    let letter = *chars.get(start + xs)?;
    let end = start + xs + 1;
    let valid = match letter {
        's' | 'l' => true,
        'm' => xs == 0 && !digit_xl,
        _ => false,
    };
    // Followed by 码, or between Han characters or the text's ends (not the whole text: `s` alone).
    let (before, after) = (i.checked_sub(1).map(|k| chars[k]), chars.get(end).copied());
    let bounded =
        after == Some('码') || before.is_none_or(is_han) && after.is_none_or(is_han) && (before, after) != (None, None);
    if !valid || !bounded {
        return None;
    }
    let name: String = chars[i..end].iter().collect();
    Some((format!("{name}码"), end + (chars.get(end) == Some(&'码')) as usize))
}

/// A waist in 尺 and 寸 at `i` — 二尺二, 2尺3 — as `2.2尺`; and where it ends.
fn chi_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let digit = |k: usize| digit_at(chars, k);
    if i > 0 && digit(i - 1).is_some() {
        return None;
    }
    let feet = digit(i).filter(|&d| d > 0)?;
    if chars.get(i + 1) != Some(&'尺') {
        return None;
    }
    let inches = digit(i + 2);
    let end = i + 2 + inches.is_some() as usize + (inches.is_some() && chars.get(i + 3) == Some(&'寸')) as usize;
    Some((format!("{feet}.{}尺", inches.unwrap_or(0)), end))
}

/// A height in metres at `i` — 一米六, 1米65, 一米六五, 1.6米, 1.65m — as centimetres (140–199), and
/// where it ends.
fn height_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digit = |k: usize| digit_at(chars, k);
    if i > 0 && (chars[i - 1].is_ascii_digit() || crate::demand::cn_digit(chars[i - 1]).is_some()) {
        return None; // the end of a longer number
    }
    if !matches!(chars[i], '1' | '一') {
        return None;
    }
    let decimal = match chars.get(i + 1) {
        Some('米') => false,
        Some('.') if chars[i] == '1' => true,
        _ => return None,
    };
    let first = i + 2;
    let tens = digit(first).filter(|&d| (4..=9).contains(&d))?;
    let ones = digit(first + 1);
    let mut end = first + 1 + ones.is_some() as usize;
    if decimal {
        // 1.65 is a height only with its unit: a bare 1.5 is as likely a price.
        match chars.get(end) {
            Some('米') => end += 1,
            Some('m') if chars.get(end + 1) != Some(&'m') => end += 1,
            _ => return None,
        }
    }
    Some((100 + tens * 10 + ones.unwrap_or(0), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_in_every_spelling_are_centimetres() {
        for (text, cm) in [
            ("我一米六穿多大", "160"),
            ("1米6穿什么码", "160"),
            ("一米六五穿什么码", "165"),
            ("1米65", "165"),
            ("1.6米能穿吗", "160"),
            ("1.65米穿什么码", "165"),
            ("160cm穿什么码", "160"),
            ("160穿什么码", "160"),
        ] {
            assert_eq!(numbers_in(text), vec![cm.to_string()], "{text}");
        }
        assert_ne!(numbers_in("一米六穿什么码"), numbers_in("一米七穿什么码"));
        assert_eq!(numbers_in("1.5元包邮吗"), vec!["1".to_string(), "5元".to_string()], "a price, no height");
        assert!(numbers_in("离我一米远").is_empty());
    }

    #[test]
    fn chinese_numerals_before_a_unit() {
        for (text, n) in [
            ("一百二十斤穿什么码", "120斤"),
            ("两百斤能穿吗", "200斤"),
            ("一百六斤", "160斤"),
            ("一百零五斤", "105斤"),
            ("两岁能玩吗", "2岁"),
            ("三号链接", "3号"),
            ("二十三号", "23号"),
        ] {
            assert_eq!(numbers_in(text), vec![n.to_string()], "{text}");
        }
        assert!(numbers_in("等一下十分钟").is_empty());
    }

    #[test]
    fn sizes_in_letters_and_waists_in_chi() {
        for (text, n) in [
            ("l码纸尿裤几斤穿", "l码"),
            ("xl码纸尿裤几斤穿", "xl码"),
            ("有xl吗", "xl码"),
            ("xl还有吗", "xl码"),
            ("2xl有吗", "2xl码"),
            ("m码偏大吗", "m码"),
            ("腰围二尺二穿啥码", "2.2尺"),
            ("2尺3的腰", "2.3尺"),
        ] {
            assert_eq!(numbers_in(text), vec![n.to_string()], "{text}");
        }
        assert_ne!(numbers_in("腰围二尺二穿啥码"), numbers_in("腰围二尺八穿啥码"));
        assert_eq!(numbers_in("1.65m穿s还是m"), vec!["165", "m码", "s码"]);
        for text in ["i'm a size m", "small", "100ml多少钱", "s", "is it xl"] {
            assert!(!numbers_in(text).iter().any(|n| n.ends_with('码')), "{text}");
        }
    }

    #[test]
    fn one_spelling_for_the_signature() {
        assert_eq!(in_digits("我一米六穿多大").as_deref(), Some("我160穿多大"));
        assert_eq!(in_digits("一百二十斤穿什么码").as_deref(), Some("120斤穿什么码"));
        assert_eq!(in_digits("160cm穿什么码").as_deref(), Some("160穿什么码"));
        assert_eq!(in_digits("1.65m穿s还是m").as_deref(), Some("165穿s还是m"));
        assert_eq!(in_digits("三号链接").as_deref(), Some("3号链接"));
        assert_eq!(in_digits("等一下十分钟"), None);
        assert_eq!(in_digits("多少钱"), None);
    }
}
