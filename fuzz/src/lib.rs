//! Support of the fuzz targets: the invariants ([`check`]), the value pools ([`model`]) and a
//! small byte encoding of structured cases ([`Case`], [`FieldCase`]).
//!
//! The encoding is this crate's own (not `arbitrary`'s) so that it can be written as well as
//! read: `examples/seeds.rs` writes the committed seed corpus (vendor samples, valid and
//! invalid payloads) as bytes the targets decode back into the same cases. Every byte string
//! decodes to some case (missing bytes read as zero), so libFuzzer can mutate freely.
//!
//! ```text
//! Case      := flags:u8 (bit 0: a current follows) Entries(update) [Entries(current)]
//! Entries   := count:u8 Entry{count}
//! Entry     := Key Val
//! Key       := kind:u8 n:u8 [Str when kind % 6 == 5]        (model::key)
//! Val       := 0 n:u16 Good | 1 n:u16 Bad | 2 kind:u8 n:u64 Str Any
//!            | 3 n:u16 left:u8 right:u8 Padded | 4 c:u32 len:u16 Long        (tag % 5)
//! Str       := len:u16 bytes{len}                           (invalid UTF-8 is cut)
//! FieldCase := Key Val flags:u8 [Entries(current)] Str(json)
//! ```
//! All integers little-endian.

pub mod check;
pub mod model;

use yeastar_extension_update::{Input, Value};

/// Reads the encoding; past the end every read is zero.
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data }
    }

    /// Whether all bytes are read.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn bytes(&mut self, n: usize) -> &'a [u8] {
        let n = n.min(self.data.len());
        let (head, tail) = self.data.split_at(n);
        self.data = tail;
        head
    }

    fn int(&mut self, n: usize) -> u64 {
        self.bytes(n).iter().rev().fold(0, |acc, &b| (acc << 8) | u64::from(b))
    }

    fn u8(&mut self) -> u8 {
        self.int(1) as u8
    }

    fn u16(&mut self) -> u16 {
        self.int(2) as u16
    }

    fn str(&mut self) -> String {
        let len = usize::from(self.u16());
        let bytes = self.bytes(len);
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => String::from_utf8_lossy(bytes.get(..e.valid_up_to()).unwrap_or(&[])).into_owned(),
        }
    }
}

/// Writes the encoding.
#[derive(Default)]
pub struct Writer {
    /// The bytes so far.
    pub out: Vec<u8>,
}

impl Writer {
    fn int(&mut self, v: u64, n: usize) {
        self.out.extend_from_slice(v.to_le_bytes().get(..n).unwrap_or(&[]));
    }

    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let bytes = bytes.get(..bytes.len().min(usize::from(u16::MAX))).unwrap_or(&[]);
        self.int(bytes.len() as u64, 2);
        self.out.extend_from_slice(bytes);
    }
}

/// A key of a generated input (see [`model::key`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// 0–2: a field name (2: even if already given); 3: a near miss; 4: `moblie`; 5: `other`.
    pub kind: u8,
    /// Which field (wrapping).
    pub n: u8,
    /// The key itself when `kind % 6 == 5`.
    pub other: String,
}

impl Key {
    /// The field name at table index `n`.
    pub fn field(n: u8) -> Key {
        Key { kind: 0, n, other: String::new() }
    }

    /// Any text as the key.
    pub fn text_key(s: &str) -> Key {
        Key { kind: 5, n: 0, other: s.to_string() }
    }

    /// The key as text.
    pub fn text(&self) -> String {
        model::key(self.kind, u32::from(self.n), &self.other)
    }

    fn read(r: &mut Reader<'_>) -> Key {
        let kind = r.u8();
        let n = r.u8();
        let other = if kind % 6 == 5 { r.str() } else { String::new() };
        Key { kind, n, other }
    }

    fn write(&self, w: &mut Writer) {
        w.int(u64::from(self.kind), 1);
        w.int(u64::from(self.n), 1);
        if self.kind % 6 == 5 {
            w.str(&self.other);
        }
    }
}

/// A value of a generated input, drawn for the key it goes with.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Valid for the field ([`model::good`]).
    Good(u16),
    /// Invalid for the field ([`model::bad`]; secrets: the marker next to a forbidden character…).
    Bad(u16),
    /// Any type, any text ([`model::any`]: kind 7 is the text itself, 6 the marker and the text).
    Any(u8, u64, String),
    /// A valid value padded with white space (and U+0085, which JavaScript does not trim).
    Padded(u16, u8, u8),
    /// One character repeated up to 65,535 times.
    Long(char, u16),
}

impl Val {
    /// The string `s` itself.
    pub fn text(s: &str) -> Val {
        Val::Any(7, 0, s.to_string())
    }

    /// The value for the field `key`.
    pub fn value(&self, key: &str) -> Value<'static> {
        match self {
            Val::Good(n) => model::good(key, u32::from(*n)),
            Val::Bad(n) => model::bad(key, u32::from(*n)),
            Val::Any(kind, n, text) => model::any(*kind, *n, text),
            Val::Padded(n, left, right) => match model::good(key, u32::from(*n)) {
                Value::Str(s) => {
                    let pad = |i: u8| model::SPACES.get(usize::from(i) % model::SPACES.len()).copied().unwrap_or(" ");
                    Value::from(format!("{}{}{}", pad(*left), s, pad(*right)))
                }
                v => v,
            },
            Val::Long(c, len) => Value::from(std::iter::repeat_n(*c, usize::from(*len)).collect::<String>()),
        }
    }

    fn read(r: &mut Reader<'_>) -> Val {
        match r.u8() % 5 {
            0 => Val::Good(r.u16()),
            1 => Val::Bad(r.u16()),
            2 => {
                let kind = r.u8();
                let n = r.int(8);
                Val::Any(kind, n, r.str())
            }
            3 => Val::Padded(r.u16(), r.u8(), r.u8()),
            _ => Val::Long(char::from_u32(r.int(4) as u32).unwrap_or('a'), r.u16()),
        }
    }

    fn write(&self, w: &mut Writer) {
        match self {
            Val::Good(n) => {
                w.int(0, 1);
                w.int(u64::from(*n), 2);
            }
            Val::Bad(n) => {
                w.int(1, 1);
                w.int(u64::from(*n), 2);
            }
            Val::Any(kind, n, s) => {
                w.int(2, 1);
                w.int(u64::from(*kind), 1);
                w.int(*n, 8);
                w.str(s);
            }
            Val::Padded(n, l, r) => {
                w.int(3, 1);
                w.int(u64::from(*n), 2);
                w.int(u64::from(*l), 1);
                w.int(u64::from(*r), 1);
            }
            Val::Long(c, len) => {
                w.int(4, 1);
                w.int(u64::from(u32::from(*c)), 4);
                w.int(u64::from(*len), 2);
            }
        }
    }
}

/// The entries of an input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entries(pub Vec<(Key, Val)>);

impl Entries {
    /// The input these entries describe.
    pub fn input(&self) -> Input<'static> {
        let mut input = Input::new();
        for (key, v) in &self.0 {
            let k = key.text();
            // A field given twice makes the whole input `invalid_json`: only key kind 2 repeats.
            if key.kind % 6 != 2 && input.entries.iter().any(|(seen, _)| *seen == k) {
                continue;
            }
            let v = v.value(&k);
            input.push(k, v);
        }
        input
    }

    fn read(r: &mut Reader<'_>) -> Entries {
        let count = r.u8();
        let mut entries = Vec::new();
        for _ in 0..count {
            if r.is_empty() {
                break;
            }
            entries.push((Key::read(r), Val::read(r)));
        }
        Entries(entries)
    }

    fn write(&self, w: &mut Writer) {
        let entries = self.0.get(..self.0.len().min(255)).unwrap_or(&[]);
        w.int(entries.len() as u64, 1);
        for (k, v) in entries {
            k.write(w);
            v.write(w);
        }
    }
}

/// One structured case: the update, and maybe `options.current`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Case {
    /// The update.
    pub update: Entries,
    /// `options.current`.
    pub current: Option<Entries>,
}

impl Case {
    /// Decodes any bytes.
    pub fn decode(data: &[u8]) -> Case {
        let mut r = Reader::new(data);
        let flags = r.u8();
        let update = Entries::read(&mut r);
        let current = (flags & 1 == 1).then(|| Entries::read(&mut r));
        Case { update, current }
    }

    /// The bytes that decode to this case.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.int(u64::from(self.current.is_some()), 1);
        self.update.write(&mut w);
        if let Some(c) = &self.current {
            c.write(&mut w);
        }
        w.out
    }
}

/// One single-field case: a name, a value, maybe a current, and a JSON text for
/// `validate_field_json`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldCase {
    /// The field name.
    pub name: Key,
    /// Its value.
    pub value: Val,
    /// `options.current`.
    pub current: Option<Entries>,
    /// Any text, given to `validate_field_json`.
    pub json: String,
}

impl FieldCase {
    /// Decodes any bytes.
    pub fn decode(data: &[u8]) -> FieldCase {
        let mut r = Reader::new(data);
        let name = Key::read(&mut r);
        let value = Val::read(&mut r);
        let flags = r.u8();
        let current = (flags & 1 == 1).then(|| Entries::read(&mut r));
        FieldCase { name, value, current, json: r.str() }
    }

    /// The bytes that decode to this case.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.name.write(&mut w);
        self.value.write(&mut w);
        w.int(u64::from(self.current.is_some()), 1);
        if let Some(c) = &self.current {
            c.write(&mut w);
        }
        w.str(&self.json);
        w.out
    }
}

/// Entries from a JSON object text whose values are strings, numbers, booleans or null (for
/// seeds: the vendor samples). Other values become nested.
pub fn entries_from_json(text: &str) -> Entries {
    let Ok(input) = Input::parse_json(text) else { return Entries::default() };
    Entries(
        input
            .entries
            .iter()
            .map(|(k, v)| {
                let key = match check::index_of(k) {
                    Some(i) => Key::field(i as u8),
                    None => Key::text_key(k),
                };
                let val = match v {
                    Value::Null => Val::Any(0, 0, String::new()),
                    Value::Bool(b) => Val::Any(1, u64::from(!*b), String::new()),
                    Value::Number(Some(n)) => Val::Any(2, *n, String::new()),
                    Value::Number(None) => Val::Any(3, 0, String::new()),
                    Value::Str(s) => Val::text(s),
                    Value::BrokenStr => Val::Any(4, 0, String::new()),
                    Value::Nested => Val::Any(5, 0, String::new()),
                };
                (key, val)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode_gives_the_case_back() {
        let case = Case {
            update: Entries(vec![
                (Key::field(0), Val::Good(3)),
                (Key::text_key("moblie"), Val::text("")),
                (Key { kind: 3, n: 9, other: String::new() }, Val::Padded(1, 2, 3)),
                (Key::field(5), Val::Bad(4)),
                (Key::field(2), Val::Long('é', 40)),
                (Key::field(6), Val::Any(2, 7, "x".into())),
            ]),
            current: Some(entries_from_json(r#"{"moblie":"","enablemobile":"on","ringtimeout":30}"#)),
        };
        assert_eq!(Case::decode(&case.encode()), case);
        let field = FieldCase { name: Key::field(9), value: Val::text(" 555 "), current: None, json: "\"1\"".into() };
        assert_eq!(FieldCase::decode(&field.encode()), field);
    }

    #[test]
    fn every_byte_string_decodes() {
        for data in [&b""[..], b"\x01", b"\xff\xff\xff\xff", b"\x01\x05\x05\x05\xff\xff"] {
            let _ = Case::decode(data).update.input();
            let _ = FieldCase::decode(data);
        }
    }
}
