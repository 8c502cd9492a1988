//! What the validator reads: an ordered list of keys and loosely typed values.
//!
//! ```
//! use yeastar_extension_update::{validate, Input, Options, Value};
//! let mut input = Input::new();
//! input.push("extid", Value::Number(Some(1002)));
//! input.push("username", Value::from(" Amy "));
//! let body = validate(&input, &Options::default()).unwrap();
//! assert_eq!(body.as_str(), r#"{"extid":"1002","username":"Amy"}"#);
//! ```

use std::borrow::Cow;

/// One input value, as JSON or a JS value can hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null` (or JS `undefined`): "not given"; the field is left out of the body.
    Null,
    /// `true` / `false`: taken by switches only.
    Bool(bool),
    /// A number: `Some(n)` when it is a non-negative safe integer (≤ 2^53 − 1, as JS
    /// `Number.isSafeInteger`), `None` for any other number (fraction, negative, too large).
    Number(Option<u64>),
    /// A string, borrowed from the JSON text when it had no escapes.
    Str(Cow<'a, str>),
    /// A string holding an unpaired UTF-16 surrogate (`"\ud800"`): it has no UTF-8 form.
    BrokenStr,
    /// An object or an array: never a field value.
    Nested,
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Value<'static> {
    fn from(s: String) -> Self {
        Value::Str(Cow::Owned(s))
    }
}

impl From<bool> for Value<'static> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// The input object: keys in the order given, duplicates not merged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Input<'a> {
    /// `(key, value)` pairs in input order.
    pub entries: Vec<(Cow<'a, str>, Value<'a>)>,
}

impl<'a> Input<'a> {
    /// An empty input.
    pub fn new() -> Self {
        Input { entries: Vec::new() }
    }

    /// Appends one key and value.
    pub fn push(&mut self, key: impl Into<Cow<'a, str>>, value: Value<'a>) {
        self.entries.push((key.into(), value));
    }

    /// Parses a JSON object (as strict as `JSON.parse`). A text that is not JSON gives
    /// `invalid_json`; a JSON value that is not an object gives `not_an_object`. Repeated keys are
    /// kept: [`validate`](crate::validate) reports a repeated field.
    pub fn parse_json(text: &'a str) -> Result<Input<'a>, crate::FieldError> {
        crate::json::parse_object(text, crate::Locale::En)
    }

    /// [`Input::parse_json`] with the error's message in `locale`.
    pub fn parse_json_in(text: &'a str, locale: crate::Locale) -> Result<Input<'a>, crate::FieldError> {
        crate::json::parse_object(text, locale)
    }
}
