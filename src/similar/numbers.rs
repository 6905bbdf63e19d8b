//! The numbers a question names: 3号 and 5号 ask about different items.

/// Numbers with their unit or role (3号, 160, s码): two questions naming different ones differ.
pub fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.chars().any(|c| c.is_ascii_digit() || crate::demand::cn_digit(c).is_some()) {
        return out; // most questions name no number: no character buffer
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || crate::demand::cn_digit(chars[i]).is_some() && next_is_hao(&chars, i) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || crate::demand::cn_digit(chars[i]).is_some()) {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let value = crate::demand::parse_number(&digits).map_or(digits, |n| n.to_string());
            let unit =
                chars.get(i).filter(|c| matches!(c, '号' | '斤' | '码' | '岁' | '元' | '块' | 'g' | 'k' | 'c' | 'm'));
            out.push(match unit {
                Some(u) => format!("{value}{u}"),
                None => value,
            });
        } else {
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn next_is_hao(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && crate::demand::cn_digit(chars[j]).is_some() {
        j += 1;
    }
    j > i && chars.get(j) == Some(&'号')
}
