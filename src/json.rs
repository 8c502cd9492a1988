//! A small JSON reader for one flat object, and the string writer of the body.
//!
//! Hand-written rather than serde_json: the validator needs only a flat object whose nested
//! values are errors, wants strings borrowed from the text, must keep unpaired surrogates
//! visible (serde_json rejects the whole text), and must not recurse on deep nesting. The reader
//! accepts exactly what `JSON.parse` accepts.

use std::borrow::Cow;

use crate::error::FieldError;
use crate::input::{Input, Value};
use crate::messages::Locale;

/// Why the reader stopped, and where (byte offset into the text).
struct Stop {
    reason: &'static str,
    at: usize,
}

type Res<T> = Result<T, Stop>;

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

/// Parses `text` as one JSON object of keys and values.
pub(crate) fn parse_object(text: &str, locale: Locale) -> Result<Input<'_>, FieldError> {
    let mut r = Reader { text, pos: 0 };
    match r.document() {
        Ok(Some(input)) => Ok(input),
        Ok(None) => Err(FieldError::not_an_object("The input", locale)),
        Err(stop) => {
            let (line, column) = line_column(text, stop.at);
            Err(FieldError::invalid_json(stop.reason, line, column, locale))
        }
    }
}

/// Reads a JSON array of inputs (for batches), handing each item to `each` as soon as it is
/// read (`None` when the item is not an object). A text that is not a JSON array is one
/// whole-text error (items already handed over are then to be discarded).
pub(crate) fn each_item<'a>(
    text: &'a str,
    locale: Locale,
    each: &mut dyn FnMut(Option<Input<'a>>),
) -> Result<(), FieldError> {
    let mut r = Reader { text, pos: 0 };
    match r.each_object(each) {
        Ok(true) => Ok(()),
        Ok(false) => Err(FieldError::not_an_array(locale)),
        Err(stop) => {
            let (line, column) = line_column(text, stop.at);
            Err(FieldError::invalid_json(stop.reason, line, column, locale))
        }
    }
}

/// Parses one JSON value (for single-field checks).
pub(crate) fn parse_value(text: &str, locale: Locale) -> Result<Value<'_>, FieldError> {
    let mut r = Reader { text, pos: 0 };
    let v = r.value().and_then(|v| r.end().map(|()| v));
    v.map_err(|stop| {
        let (line, column) = line_column(text, stop.at);
        FieldError::invalid_json(stop.reason, line, column, locale)
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (u64, u64) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) as u64 + 1;
    (line, column)
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn stop<T>(&self, reason: &'static str) -> Res<T> {
        Err(Stop { reason, at: self.pos })
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Res<()> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.stop(reason)
        }
    }

    fn end(&mut self) -> Res<()> {
        self.skip_ws();
        match self.peek() {
            None => Ok(()),
            Some(_) => self.stop("unexpected text after the end"),
        }
    }

    /// `Ok(None)`: valid JSON that is not an object.
    fn document(&mut self) -> Res<Option<Input<'a>>> {
        let input = self.maybe_object()?;
        self.end()?;
        Ok(input)
    }

    /// An object at the cursor, or `None` after reading any other value.
    fn maybe_object(&mut self) -> Res<Option<Input<'a>>> {
        self.skip_ws();
        if self.peek() != Some(b'{') {
            self.value()?;
            return Ok(None);
        }
        self.pos += 1;
        let mut input = Input::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Some(input));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return self.stop("expected a key in double quotes");
            }
            let key = match self.string()? {
                Value::Str(s) => s,
                // A key with an unpaired surrogate cannot name a field; show it readably.
                _ => Cow::Borrowed("\u{FFFD}"),
            };
            self.expect(b':', "expected ':' after the key")?;
            let value = self.value()?;
            input.push(key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Some(input));
                }
                _ => return self.stop("expected ',' or '}'"),
            }
        }
    }

    /// A JSON array whose items are handed to `each` as they are read (`None` for an item that
    /// is not an object), so a batch never holds more than one parsed item; `Ok(false)` for
    /// valid JSON that is not an array.
    fn each_object(&mut self, each: &mut dyn FnMut(Option<Input<'a>>)) -> Res<bool> {
        self.skip_ws();
        if self.peek() != Some(b'[') {
            self.value()?;
            self.end()?;
            return Ok(false);
        }
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.end()?;
            return Ok(true);
        }
        loop {
            each(self.maybe_object()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.end()?;
                    return Ok(true);
                }
                _ => return self.stop("expected ',' or ']'"),
            }
        }
    }

    fn value(&mut self) -> Res<Value<'a>> {
        self.skip_ws();
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'{' | b'[') => self.nested().map(|()| Value::Nested),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => self.stop("unexpected end of text"),
            Some(_) => self.stop("unexpected character"),
        }
    }

    fn word(&mut self, word: &str, v: Value<'a>) -> Res<Value<'a>> {
        if self.text.as_bytes().get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            self.stop("unexpected character")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Reads a number per the JSON grammar and decides exactly whether it is a non-negative
    /// safe integer, without float parsing (1.0, 1e3 and -0 are integers; 1.5 and -1 are not).
    fn number(&mut self) -> Res<Value<'a>> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.digits();
        if int_len == 0 {
            return self.stop("expected a digit");
        }
        if int_len > 1 && self.text.as_bytes().get(int_start) == Some(&b'0') {
            return Err(Stop { reason: "a number cannot start with 0", at: int_start });
        }
        let mut frac = (0, 0);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let start = self.pos;
            let len = self.digits();
            if len == 0 {
                return self.stop("expected a digit after '.'");
            }
            frac = (start, len);
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let neg = match self.peek() {
                Some(b'-') => true,
                Some(b'+') => false,
                _ => false,
            };
            if let Some(b'-' | b'+') = self.peek() {
                self.pos += 1;
            }
            let start = self.pos;
            if self.digits() == 0 {
                return self.stop("expected a digit in the exponent");
            }
            for &b in self.text.as_bytes().get(start..self.pos).unwrap_or(&[]) {
                // Saturate: any exponent this large makes a non-zero value unsafe or fractional.
                exp = (exp * 10 + i64::from(b - b'0')).min(1_000_000);
            }
            if neg {
                exp = -exp;
            }
        }
        let bytes = self.text.as_bytes();
        let int_digits = bytes.get(int_start..int_start + int_len).unwrap_or(&[]);
        let frac_digits = bytes.get(frac.0..frac.0 + frac.1).unwrap_or(&[]);
        Ok(Value::Number(safe_integer(negative, int_digits, frac_digits, exp)))
    }

    /// Reads a string (the cursor is on the opening quote).
    fn string(&mut self) -> Res<Value<'a>> {
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escape, borrow the slice.
        loop {
            match self.peek() {
                None => return self.stop("unterminated string"),
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(Value::Str(Cow::Borrowed(s)));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return self.stop("control character in a string"),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or(""));
        let mut broken = false;
        loop {
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).unwrap_or(""));
            match self.peek() {
                None => return self.stop("unterminated string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(if broken { Value::BrokenStr } else { Value::Str(Cow::Owned(out)) });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            match self.unicode_escape()? {
                                Some(c) => {
                                    out.push(c);
                                }
                                None => broken = true,
                            }
                            continue;
                        }
                        _ => return self.stop("invalid escape in a string"),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return self.stop("control character in a string"),
            }
        }
    }

    fn hex4(&mut self) -> Res<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return self.stop("invalid \\u escape"),
            };
            v = v * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(v)
    }

    /// After `\u`: a character, or `None` for an unpaired surrogate.
    fn unicode_escape(&mut self) -> Res<Option<char>> {
        let hi = self.hex4()?;
        if !(0xD800..0xE000).contains(&hi) {
            return Ok(char::from_u32(hi));
        }
        if hi >= 0xDC00 {
            return Ok(None);
        }
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) == Some(&b'\\') && bytes.get(self.pos + 1) == Some(&b'u') {
            let save = self.pos;
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                return Ok(char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)));
            }
            // Not a low surrogate: the high one stands alone; read the next escape on its own.
            self.pos = save;
        }
        Ok(None)
    }

    /// Checks a nested array or object without recursion (the stack is a byte vector), so
    /// any depth is read in linear time and constant call stack.
    fn nested(&mut self) -> Res<()> {
        let mut stack: Vec<u8> = Vec::new();
        loop {
            // Here a value is expected.
            self.skip_ws();
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    self.pos += 1;
                    stack.push(open);
                    self.skip_ws();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        stack.pop();
                    } else {
                        if open == b'{' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                _ => {
                    self.value()?;
                }
            }
            // After a value: close containers or move to the next element.
            loop {
                let Some(&top) = stack.last() else { return Ok(()) };
                self.skip_ws();
                let close = if top == b'{' { b'}' } else { b']' };
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if top == b'{' {
                            self.key()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        self.pos += 1;
                        stack.pop();
                    }
                    _ => {
                        return self.stop(if top == b'{' { "expected ',' or '}'" } else { "expected ',' or ']'" })
                    }
                }
            }
        }
    }

    /// `"key":` inside a nested object.
    fn key(&mut self) -> Res<()> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return self.stop("expected a key in double quotes");
        }
        self.string()?;
        self.expect(b':', "expected ':' after the key")
    }
}

/// The largest integer JS represents exactly (`Number.MAX_SAFE_INTEGER`).
pub(crate) const MAX_SAFE: u64 = (1 << 53) - 1;

/// `Some(n)` when `±int.frac × 10^exp` is an integer in 0..=2^53−1 (−0 counts as 0, as in JS).
fn safe_integer(negative: bool, int: &[u8], frac: &[u8], exp: i64) -> Option<u64> {
    let digits = || int.iter().chain(frac.iter()).copied();
    let Some(first) = digits().position(|d| d != b'0') else { return Some(0) };
    if negative {
        return None;
    }
    let total = int.len() + frac.len();
    let last = total - digits().rev().position(|d| d != b'0').unwrap_or(0);
    // significant digits are [first, last); their value is sig × 10^scale
    let scale = exp - frac.len() as i64 + (total - last) as i64;
    if !(0..=16).contains(&scale) || last - first + scale as usize > 16 {
        return None;
    }
    let mut n: u64 = 0;
    for d in digits().skip(first).take(last - first) {
        n = n * 10 + u64::from(d - b'0');
    }
    for _ in 0..scale {
        n *= 10;
    }
    (n <= MAX_SAFE).then_some(n)
}

/// Appends `s` as a JSON string exactly as `JSON.stringify` writes it (so a body read back by
/// JS and stringified again is byte-identical).
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or(""));
        if esc.is_empty() {
            push_u_escape(out, u32::from(b));
        } else {
            out.push_str(esc);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or(""));
    out.push('"');
}

/// Appends `\uXXXX` (lower-case hex, as `JSON.stringify` writes it) for a BMP code point.
pub(crate) fn push_u_escape(out: &mut String, cp: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        let nibble = ((cp >> shift) & 15) as usize;
        out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
    }
}
