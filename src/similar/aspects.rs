//! Aspects of the goods a buyer asks about (起球, 噪音, 保暖…), from `data/aspects.txt`: two questions
//! about one aspect whose other words only set the scene (穿着, 洗完, 这个: the list's `#soft` line)
//! ask the same thing in whatever words they name it (会起球吗 / 穿久了起毛球不, 声音大不大 /
//! 开起来吵不吵). The concept lists (`lists.rs`) fold phrases that mean one thing; an aspect is wider
//! (both ends of a measure, the words around it), so it only decides a pair when nothing else in the
//! two questions differs. A concept one of whose phrases is an aspect's word (@shrink's 缩水) stands
//! for that aspect, so 洗完会缩水吗 (folded) and 洗了会不会变小 (an aspect word) meet.

use super::{CONCEPTS, concept_char};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

const LIST: &str = include_str!("../data/aspects.txt");

/// Questions longer than this (in `Signature::chars`) are read for no aspect: a long comment names
/// many things, and an aspect word in it seldom says what it asks.
const LONGEST_ASK: usize = 16;

/// What a matched word is: an aspect's (by index), a word that only sets the scene, or a word of
/// the question's form.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Aspect(u8),
    Scene,
    Form,
}

/// Words of a question's form around an aspect: question words, modals, degree and the ends of a
/// measure (噪音大吗 = 噪音怎么样 = 吵不吵, once the A-not-A is folded). Matched with the aspect
/// and scene words, longest first, so an aspect word holding one of them (耐高温) stays whole.
const FORM_WORDS: &[&str] = &[
    "怎么样",
    "咋样",
    "如何",
    "怎样",
    "多少",
    "多久",
    "多长时间",
    "多长",
    "可以",
    "容易",
    "非常",
    "特别",
    "比较",
    "真的",
    "到底",
    "一般",
    "大概",
    "厉害",
    "严重",
    "明显",
    "好不好",
];
/// Single characters of the form, dropped wherever they are left.
const FORM_CHARS: &[char] =
    &['吗', '嘛', '么', '呢', '啊', '呀', '吧', '的', '了', '是', '会', '能', '还', '有', '很', '太', '挺', '得'];
/// The ends of a measure and a negation, dropped from a yes-or-no question only: whichever end it
/// names, one answer settles it (噪音大吗 = 噪音小吗 = 吵不吵), but 声音小怎么办 asks what 声音大怎么办 does not.
const POLE_CHARS: &[char] = &['大', '小', '高', '低', '多', '少', '强', '弱', '好', '几', '不', '没'];

struct Lexicon {
    ac: AhoCorasick,
    roles: Vec<Role>,
    /// Each aspect's name as a grouping feature (`~odor`): questions about one aspect are compared
    /// even when they share no word.
    names: Vec<&'static str>,
    /// The aspect each concept of `lists.rs` stands for, by concept index.
    of_concept: Vec<Option<u8>>,
    /// The fabric's concept character (料子, 面料): the goods themselves, never what is asked.
    fabric: char,
}

/// Concepts that name no aspect though a phrase of theirs is an aspect's word: the fabric is the
/// goods themselves (料子薄吗 asks about thickness), "effect" and "can it be used" go with any aspect,
/// and the link's 连接 is 链接 mistyped, not a connection.
const NOT_ASPECTS: [&str; 4] = ["@material", "@effect", "@suits", "@link"];

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let (mut words, mut roles, mut names) = (Vec::new(), Vec::new(), Vec::new());
        for line in LIST.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (head, rest) = line.split_once('\t').unwrap_or((line, ""));
            let role = match head {
                "#soft" => Role::Scene,
                _ if head.starts_with('#') => continue,
                _ => {
                    names.push(&*Box::leak(format!("~{head}").into_boxed_str()));
                    Role::Aspect(u8::try_from(names.len() - 1).expect("at most 256 aspects"))
                }
            };
            for w in rest.split_whitespace() {
                words.push(w);
                roles.push(role);
            }
        }
        let aspect_of_word = |p: &str| match words.iter().position(|w| *w == p).map(|i| roles[i]) {
            Some(Role::Aspect(a)) => Some(a),
            _ => None,
        };
        let of_concept = CONCEPTS
            .iter()
            .map(
                |(name, phrases)| {
                    if NOT_ASPECTS.contains(name) { None } else { phrases.iter().find_map(|p| aspect_of_word(p)) }
                },
            )
            .collect();
        words.extend_from_slice(FORM_WORDS);
        roles.extend(std::iter::repeat_n(Role::Form, FORM_WORDS.len()));
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&words).expect("static patterns");
        Lexicon { ac, roles, names, of_concept, fabric: concept_char(super::concept_id("@material")) }
    })
}

/// The one aspect a question's characters (`Signature::chars`) name, in a word or through a concept;
/// `None` when they name none or more than one, or when the question is long (`LONGEST_ASK`).
pub fn aspect_of(chars: &str) -> Option<u8> {
    if chars.chars().count() > LONGEST_ASK {
        return None;
    }
    let l = lexicon();
    let words = l.ac.find_iter(chars).filter_map(|m| match l.roles[m.pattern().as_usize()] {
        Role::Aspect(a) => Some(a),
        _ => None,
    });
    let mut found = None;
    for a in words.chain(chars.chars().filter_map(|c| l.concept_aspect(c))) {
        match found {
            None => found = Some(a),
            Some(f) if f != a => return None,
            Some(_) => {}
        }
    }
    found
}

impl Lexicon {
    /// The aspect a concept's character (`concept_char`) stands for.
    fn concept_aspect(&self, c: char) -> Option<u8> {
        let id = (c as u32).checked_sub(concept_char(0) as u32)?;
        *self.of_concept.get(id as usize)?
    }
}

/// The feature name of aspect `id` (`~odor`).
pub fn name(id: u8) -> &'static str {
    lexicon().names[id as usize]
}

/// What a question says beside its aspect: its characters without aspect, scene and form words and
/// without form characters (and the ends of a measure, for a yes-or-no question), into `out`;
/// returns how many.
pub fn rest_into(chars: &str, yes_no: bool, out: &mut [char; super::MAX_CHARS]) -> usize {
    let l = lexicon();
    let mut n = 0;
    let dropped = |c: &char| {
        FORM_CHARS.contains(c) || (yes_no && POLE_CHARS.contains(c)) || *c == l.fabric || l.concept_aspect(*c).is_some()
    };
    let mut keep = |s: &str| {
        for c in s.chars().filter(|c| !dropped(c)) {
            if n < out.len() {
                out[n] = c;
                n += 1;
            }
        }
    };
    let mut at = 0;
    for m in l.ac.find_iter(chars) {
        keep(&chars[at..m.start()]);
        at = m.end();
    }
    keep(&chars[at..]);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(s: &str) -> String {
        let mut out = ['\0'; super::super::MAX_CHARS];
        let n = rest_into(s, true, &mut out);
        out[..n].iter().collect()
    }

    #[test]
    fn the_list_reads() {
        let l = lexicon();
        assert!(l.names.len() >= 50, "{} aspects", l.names.len());
        assert!(l.roles.contains(&Role::Scene));
    }

    #[test]
    fn scene_and_form_words_leave_nothing() {
        assert_eq!(rest("穿着会起球吗"), "");
        assert_eq!(rest("猫会起球吗"), "猫", "a word that names something else stays");
        assert_eq!(aspect_of("会起球吗"), aspect_of("起毛球"));
        assert_eq!(aspect_of("今天发货吗"), None);
        let shrink = concept_char(super::super::concept_id("@shrink"));
        assert_eq!(aspect_of(&format!("洗完{shrink}")), aspect_of("洗了变小"), "a concept stands for its aspect");
        assert_eq!(rest(&format!("洗完{shrink}")), "");
        let link = concept_char(super::super::concept_id("@link"));
        assert_eq!(aspect_of(&format!("{link}呢")), None, "a link is no signal");
    }
}
