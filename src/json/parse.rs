//! The reader: strict JSON text (RFC 8259) to a `Json`. Anything else is an error that says what
//! was expected and where; no input makes it panic, and nesting is limited, so hostile input can
//! neither exhaust the stack nor pass for JSON.

use super::Json;
use std::fmt;

/// How deeply arrays and objects may nest (serde_json's limit too); deeper input is an error.
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (lines and columns from 1; a column counts characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for Error {}

/// Reads one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Json, Error> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.blank();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// A byte index into `text`, never past its end, always at a character boundary.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &[u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    /// Steps over `b` if it comes next.
    fn eat(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        self.at += usize::from(next);
        next
    }

    fn blank(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn error(&self, message: &'static str) -> Error {
        let before = self.text.as_bytes().get(..self.at).unwrap_or_default();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let characters = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count();
        Error {
            message,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: 1 + characters(&before[line_start..]),
        }
    }

    /// A value, after any whitespace; `depth` is how many arrays and objects hold it.
    fn value(&mut self, depth: usize) -> Result<Json, Error> {
        self.blank();
        match self.peek() {
            Some(b'[') => self.items(depth + 1, b']', |r| r.value(depth + 1)).map(Json::Array),
            Some(b'{') => self.items(depth + 1, b'}', |r| r.member(depth + 1)).map(Json::Object),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for (word, value) in [
                    ("null", Json::Null),
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                ] {
                    if self.rest().starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    /// The items of an array or the members of an object: from its opening bracket (next) to
    /// `close`, separated by commas.
    fn items<T>(
        &mut self,
        depth: usize,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.blank();
        if self.eat(close) {
            return Ok(items);
        }
        loop {
            items.push(item(self)?);
            self.blank();
            if self.eat(close) {
                return Ok(items);
            }
            if !self.eat(b',') {
                return Err(self.error(if close == b']' {
                    "expected ',' or ']'"
                } else {
                    "expected ',' or '}'"
                }));
            }
        }
    }

    /// `"key": value` in an object.
    fn member(&mut self, depth: usize) -> Result<(String, Json), Error> {
        self.blank();
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key in quotes"));
        }
        let key = self.string()?;
        self.blank();
        if !self.eat(b':') {
            return Err(self.error("expected ':'"));
        }
        Ok((key, self.value(depth)?))
    }

    /// A string, from its opening quote (next) to its closing one.
    fn string(&mut self) -> Result<String, Error> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let end = self.at + plain(self.rest());
            // Both ends are at ASCII bytes or the end of the text: character boundaries.
            out.push_str(self.text.get(self.at..end).unwrap_or_default());
            self.at = end;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.peek() {
            Some(b'u') => {
                self.at += 1;
                return self.unicode();
            }
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            _ => return Err(self.error("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// The character of `\uXXXX`, or of a surrogate pair `\uD8XX\uDCXX`, after its `\u`.
    fn unicode(&mut self) -> Result<char, Error> {
        let high = self.hex4()?;
        let code = match high {
            0xd800..=0xdbff => {
                if !self.rest().starts_with(b"\\u") {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error("lone surrogate in a \\u escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.rest().get(..4).ok_or_else(|| self.error("invalid \\u escape"))?;
        let mut code = 0;
        for &d in digits {
            let digit = char::from(d)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            code = code * 16 + digit;
        }
        self.at += 4;
        Ok(code)
    }

    /// A number: `-`, then `0` or digits not starting with 0, then maybe a fraction and an exponent.
    fn number(&mut self) -> Result<Json, Error> {
        let start = self.at;
        self.eat(b'-');
        let whole = self.eat(b'0') || self.digits();
        let fraction = !self.eat(b'.') || self.digits();
        let exponent = !matches!(self.peek(), Some(b'e' | b'E')) || {
            self.at += 1;
            let _sign = self.eat(b'+') || self.eat(b'-');
            self.digits()
        };
        if !(whole && fraction && exponent) {
            return Err(self.error("invalid number"));
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        match crate::touches::decimal(text) {
            Some(n) if n.is_finite() => Ok(Json::Number(n)),
            _ => {
                self.at = start;
                Err(self.error("number out of range"))
            }
        }
    }

    /// Steps over digits; whether there was one.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at > start
    }
}

/// How many bytes from the start of `bytes` a string takes as they are: up to a quote, a backslash,
/// a control character or the end. Eight bytes at a time while none is there (a feed's touch data
/// is long strings).
fn plain(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(Ok(chunk)) = bytes.get(n..n + 8).map(<[u8; 8]>::try_from) {
        let x = u64::from_le_bytes(chunk);
        // A byte below 0x20, or (xor the byte) equal to the byte: the classic zero-byte test.
        let below = |x: u64, b: u8| x.wrapping_sub(ONES * u64::from(b)) & !x & HIGH;
        if below(x, 0x20) | below(x ^ (ONES * 0x22), 1) | below(x ^ (ONES * 0x5c), 1) != 0 {
            break;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or_default();
    n + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(rest.len())
}
