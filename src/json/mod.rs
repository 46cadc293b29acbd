//! One small JSON value, its strict reader (`parse`) and its writer (`Display`), for everything the
//! site reads or writes as JSON: the JSON API's answers, CloudKit's requests and answers and the
//! kept takes. Written here rather than taken from serde_json, whose deserialiser, serialiser and
//! error machinery cost the first load several kB; numbers are read with the touch rows' own
//! decimal parser (no float-parsing tables) and written only as integers (no float printer).

mod parse;
#[cfg(test)]
mod tests;

pub use parse::{parse, Error, MAX_DEPTH};

use std::fmt;
use std::ops::{Index, IndexMut};

/// A JSON value. An object keeps its members in the order they came, duplicates included; reading a
/// key finds its last occurrence, as JSON readers usually do. Values compare in that order.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// What indexing finds where there is nothing.
static NULL: Json = Json::Null;

impl Json {
    /// An object of these members, in this order.
    pub fn object(members: Vec<(&str, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// The member `key` of an object (its last occurrence); None for anything else.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Takes the member `key` out of an object (every occurrence; the value of the last).
    pub fn remove(&mut self, key: &str) -> Option<Json> {
        let Json::Object(members) = self else {
            return None;
        };
        let mut found = None;
        members.retain_mut(|(k, v)| {
            let keep = k != key;
            if !keep {
                found = Some(std::mem::take(v));
            }
            keep
        });
        found
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// Appends this value as compact JSON text. Numbers are written as integers: one with a
    /// fraction, beyond ±2^53 or not finite (JSON has no NaN) is written as `null`. Nothing the site
    /// writes has one, and printing fractions would bring in core's float printer.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 => {
                out.push_str(&(*n as i64).to_string())
            }
            Json::Number(_) => out.push_str("null"),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, key);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, the rest as is.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is an ASCII byte's index, so a character boundary.
        out.push_str(&s[plain..i]);
        if escaped.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escaped);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write(&mut text);
        f.write_str(&text)
    }
}

/// `value["key"]`: the member, or `null` when there is none or `value` is not an object.
impl Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[i]`: the item, or `null` when there is none or `value` is not an array.
impl Index<usize> for Json {
    type Output = Json;
    fn index(&self, i: usize) -> &Json {
        self.as_array().and_then(|items| items.get(i)).unwrap_or(&NULL)
    }
}

/// `value["key"] = …`: sets the member (its last occurrence), adding it if missing; a value that is
/// not an object becomes an empty one first.
impl IndexMut<&str> for Json {
    fn index_mut(&mut self, key: &str) -> &mut Json {
        if !self.is_object() {
            *self = Json::Object(Vec::new());
        }
        let Json::Object(members) = self else {
            unreachable!("made an object above")
        };
        let at = match members.iter().rposition(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                members.push((key.to_owned(), Json::Null));
                members.len() - 1
            }
        };
        &mut members[at].1
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Number(n.into())
    }
}

impl PartialEq<&str> for Json {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<u32> for Json {
    fn eq(&self, other: &u32) -> bool {
        self.as_f64() == Some(f64::from(*other))
    }
}
