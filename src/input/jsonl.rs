//! JSONL rows. The common line — an object of strings, numbers and nulls — is read by a typed
//! deserializer that borrows from the line (no `serde_json::Value` map, no key strings); anything
//! else (an object user, a bad time, broken JSON…) is read again by the general reader, which owns
//! every rule and every error message, so both paths give the same row or the same error.

use super::time::{number_ts, parse_ts};
use crate::comment::{Comment, Kind};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::ops::Range;

/// Field names by role, in precedence order (the first present field of a role is the one read).
const NAMES: [&str; 25] = [
    "text",
    "content",
    "comment",
    "msg",
    "message",
    "danmaku",
    "danmu",
    "review",
    "audience_comment",
    "user",
    "nickname",
    "uname",
    "user_name",
    "nick",
    "uid",
    "user_id",
    "ts",
    "time",
    "timestamp",
    "created_at",
    "send_time",
    "kind",
    "type",
    "msg_type",
    "platform",
];
const TEXT: Range<usize> = 0..9;
const USER: Range<usize> = 9..16;
const TS: Range<usize> = 16..21;
const KIND: Range<usize> = 21..24;
const PLATFORM: Range<usize> = 24..25;

/// One JSON line as a comment, or why it is not one.
pub(crate) fn parse_line(line: &str) -> Result<Comment, String> {
    fast(line).map_or_else(|| general(line), Ok)
}

/// A field value the fast path understands; any other JSON value makes it give up.
enum Val<'a> {
    Null,
    Str(Cow<'a, str>),
    Num(Number),
}

impl<'de> Deserialize<'de> for Val<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Val<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_unit<E>(self) -> Result<Val<'de>, E> {
                Ok(Val::Null)
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Val<'de>, E> {
                Ok(Val::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Val<'de>, E> {
                Ok(Val::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Val<'de>, E> {
                Ok(Val::Str(Cow::Owned(s)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Val<'de>, E> {
                Ok(Val::Num(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Val<'de>, E> {
                Ok(Val::Num(n.into()))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Val<'de>, E> {
                Number::from_f64(x).map(Val::Num).ok_or_else(|| E::custom("not a finite number"))
            }
        }
        d.deserialize_any(V)
    }
}

/// Per role (text, user, time, kind, platform), the value of its first field in precedence order
/// that the object has, with that field's index in `NAMES`. A repeated key keeps its last value, as
/// in `serde_json::Map`.
struct Fields<'a>([Option<(usize, Val<'a>)>; 5]);

const ROLES: [Range<usize>; 5] = [TEXT, USER, TS, KIND, PLATFORM];

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Fields([None, None, None, None, None]);
                while let Some(Key(key)) = map.next_key()? {
                    let Some(i) = key else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    let value: Val = map.next_value()?;
                    let role = ROLES.iter().position(|r| r.contains(&i)).expect("every name has a role");
                    let slot = &mut fields.0[role];
                    if slot.as_ref().is_none_or(|(j, _)| i <= *j) {
                        *slot = Some((i, value));
                    }
                }
                Ok(fields)
            }
        }
        d.deserialize_map(V)
    }
}

/// A key, as its index in `NAMES` (read without allocating).
struct Key(Option<usize>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, s: &str) -> Result<Key, E> {
                // The usual keys first, without scanning `NAMES`.
                Ok(Key(match s {
                    "text" => Some(0),
                    "user" => Some(USER.start),
                    "ts" => Some(TS.start),
                    _ => NAMES.iter().position(|n| *n == s),
                }))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'a> Fields<'a> {
    /// The first present field of a role, unless it is null.
    fn pick(&mut self, role: Range<usize>) -> Option<Val<'a>> {
        let r = ROLES.iter().position(|x| *x == role).expect("a role");
        self.0[r].take().map(|(_, v)| v).filter(|v| !matches!(v, Val::Null))
    }
}

fn owned(s: Cow<'_, str>) -> String {
    s.into_owned()
}

/// The common line; `None` sends the line to `general`.
fn fast(line: &str) -> Option<Comment> {
    let mut f: Fields = serde_json::from_str(line).ok()?;
    let Val::Str(text) = f.pick(TEXT)? else { return None };
    let mut c = Comment::text(owned(text));
    c.user = match f.pick(USER) {
        None | Some(Val::Null) => None,
        Some(Val::Str(s)) => Some(owned(s)),
        Some(Val::Num(n)) => Some(n.to_string()),
    };
    c.ts = match f.pick(TS) {
        None | Some(Val::Null) => None,
        Some(Val::Num(n)) => Some(n.as_f64().and_then(number_ts)?),
        Some(Val::Str(s)) => Some(parse_ts(&s)?),
    };
    match f.pick(KIND) {
        None | Some(Val::Null) => {}
        Some(Val::Str(s)) => c.kind = Kind::parse(&s)?,
        Some(Val::Num(_)) => return None,
    }
    c.platform = match f.pick(PLATFORM) {
        Some(Val::Str(s)) => Some(owned(s)),
        _ => None,
    };
    Some(c)
}

/// Any line, through `serde_json::Value`: the rules and the messages.
fn general(line: &str) -> Result<Comment, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = v.as_object().ok_or("a JSON line must be an object")?;
    let pick = |role: Range<usize>| NAMES[role].iter().find_map(|n| obj.get(*n)).filter(|v| !v.is_null());
    let text = pick(TEXT).ok_or("no text field (expected text, content or comment)")?;
    let text = match text {
        Value::String(s) => s.clone(),
        other => return Err(format!("text must be a string, not {other}")),
    };
    let mut c = Comment::text(text);
    c.user = pick(USER).and_then(|u| match u {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["nickname", "name", "id", "uid"].iter().find_map(|k| o.get(*k)).map(|x| match x {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }),
        _ => None,
    });
    if let Some(ts) = pick(TS) {
        c.ts = Some(match ts {
            Value::Number(n) => n.as_f64().and_then(number_ts).ok_or_else(|| format!("unreadable time {n}"))?,
            Value::String(s) => parse_ts(s).ok_or_else(|| format!("unreadable time '{s}'"))?,
            other => return Err(format!("unreadable time {other}")),
        });
    }
    if let Some(k) = pick(KIND) {
        let s = k.as_str().map(str::to_string).unwrap_or_else(|| k.to_string());
        c.kind = Kind::parse(&s).ok_or_else(|| format!("unknown kind '{s}'"))?;
    }
    c.platform = pick(PLATFORM).and_then(|p| p.as_str()).map(str::to_string);
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both paths agree wherever the fast one answers.
    #[test]
    fn fast_path_matches_the_general_reader() {
        for line in [
            r#"{"text":"链接呢","user":"a","ts":1700000000}"#,
            r#"{"content":"多少钱","uid":42,"time":"2024-05-01 20:00:01","kind":"chat","platform":"douyin"}"#,
            r#"{"text":"a\"b\u4e2d","user":null,"ts":1700000000123.5,"kind":"gift","x":[1,{"y":2}]}"#,
            r#"{"text":null,"content":"x"}"#,
            r#"{"text":"first","text":"last","platform":3}"#,
            r#"{"msg":"嗯","type":null,"user_id":-7}"#,
        ] {
            assert_eq!(fast(line).as_ref(), general(line).as_ref().ok(), "{line}");
        }
    }

    #[test]
    fn keys_are_found() {
        for (i, name) in NAMES.iter().enumerate() {
            let key: Key = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(key.0, Some(i));
        }
        assert_eq!(serde_json::from_str::<Key>("\"x\"").unwrap().0, None);
    }

    #[test]
    fn unusual_lines_take_the_general_path() {
        for line in [
            r#"{"text":"x","user":{"nickname":"n"}}"#,
            r#"{"text":5}"#,
            r#"{"text":"x","ts":"yesterday"}"#,
            r#"{"text":"x","kind":1}"#,
            r#"{"text":"x","kind":"dance"}"#,
            r#"[1,2]"#,
            r#"{broken"#,
            r#"{"text":"x"} trailing"#,
        ] {
            assert!(fast(line).is_none(), "{line}");
        }
        assert_eq!(parse_line(r#"{"text":"x","user":{"nickname":"n"}}"#).unwrap().user.as_deref(), Some("n"));
        assert_eq!(parse_line(r#"{"text":5}"#).unwrap_err(), "text must be a string, not 5");
        assert_eq!(parse_line("[1]").unwrap_err(), "a JSON line must be an object");
    }
}
