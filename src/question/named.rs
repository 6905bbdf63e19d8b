//! The few short phrases the detector's rules test by name (不, 你, 主播, 还是, 请问, 有几…), found in one
//! pass over the core. The rules ask about the core and about two of its prefixes (without a
//! trailing address term; without the last character), a dozen questions in all: each is now a
//! comparison of offsets instead of a search of its own (they were ~4% of the engine's time).

/// A phrase the rules name.
#[derive(Clone, Copy)]
pub enum Named {
    Bu,
    Mei,
    BuShi,
    Ni,
    ZhuBo,
    ZheMe,
    NaMe,
    DuoMe,
    HaiShi,
    QingWen,
    YouJi,
    YouWu,
}

const COUNT: usize = Named::YouWu as usize + 1;

/// Where each named phrase first ends in the core (a byte offset; `u32::MAX` when it does not occur).
/// The first occurrence ends first, so a phrase occurs in the prefix `core[..len]` exactly when it
/// first ends at or before `len`.
#[derive(Clone, Copy)]
pub struct Found([u32; COUNT]);

impl Found {
    pub fn of(core: &str) -> Found {
        let mut at = [u32::MAX; COUNT];
        let mut prev = '\0';
        for (i, c) in core.char_indices() {
            let end = (i + c.len_utf8()) as u32;
            let named = match (prev, c) {
                (_, '不') => Some(Named::Bu),
                (_, '没') => Some(Named::Mei),
                (_, '你') => Some(Named::Ni),
                ('不', '是') => Some(Named::BuShi),
                ('还', '是') => Some(Named::HaiShi),
                ('主', '播') => Some(Named::ZhuBo),
                ('这', '么') => Some(Named::ZheMe),
                ('那', '么') => Some(Named::NaMe),
                ('多', '么') => Some(Named::DuoMe),
                ('请', '问') => Some(Named::QingWen),
                ('有', '几') => Some(Named::YouJi),
                ('有', '无') => Some(Named::YouWu),
                _ => None,
            };
            if let Some(n) = named {
                let slot = &mut at[n as usize];
                *slot = (*slot).min(end);
            }
            prev = c;
        }
        Found(at)
    }

    /// Whether `n` occurs in the first `len` bytes of the core.
    pub fn within(&self, n: Named, len: usize) -> bool {
        self.0[n as usize] as usize <= len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PHRASES: [(Named, &str); COUNT] = [
        (Named::Bu, "不"),
        (Named::Mei, "没"),
        (Named::BuShi, "不是"),
        (Named::Ni, "你"),
        (Named::ZhuBo, "主播"),
        (Named::ZheMe, "这么"),
        (Named::NaMe, "那么"),
        (Named::DuoMe, "多么"),
        (Named::HaiShi, "还是"),
        (Named::QingWen, "请问"),
        (Named::YouJi, "有几"),
        (Named::YouWu, "有无"),
    ];

    proptest! {
        #[test]
        fn within_a_prefix_is_a_search_of_it(s in "[不是你主播这那多么还请问有几无a好 ]{0,14}", cut in 0usize..15) {
            let found = Found::of(&s);
            let len = s.char_indices().nth(cut).map_or(s.len(), |(i, _)| i);
            for (n, phrase) in PHRASES {
                prop_assert_eq!(found.within(n, len), s[..len].contains(phrase), "{} in {:?}", phrase, &s[..len]);
            }
        }
    }
}
