//! Validates and builds the body of the Yeastar S-Series PBX request
//! `POST /api/{version}/extension/update`, without any network.
//!
//! ```
//! use yeastar_extension_update::{validate_json, Options};
//!
//! let body = validate_json(r#"{"extid": 1002, "username": " Amy ", "dnd": true}"#, &Options::default()).unwrap();
//! assert_eq!(body.as_str(), r#"{"extid":"1002","username":"Amy","dnd":"on"}"#);
//!
//! let errors = validate_json(r#"{"extid": "1002", "moblie": ""}"#, &Options::default()).unwrap_err();
//! assert_eq!(errors[0].message, r#""moblie" is not a field of the extension update API. Did you mean "mobile"?"#);
//! ```
//!
//! The core has no dependencies; `src/wasm.rs` (compiled for wasm32 only) is the thin JS
//! boundary. The rules live in one table ([`table::FIELDS`]) made of small rule kinds
//! ([`rules::Rule`]) plus a named list of cross-field rules ([`cross::CROSS_RULES`]).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]
#![warn(missing_docs)]
// Errors are this crate's data: `Fail`/`FieldError` are built only on failure, and boxing them
// would add an allocation per failing field for no gain.
#![allow(clippy::result_large_err)]

use std::borrow::Cow;

pub mod cross;
mod error;
mod input;
mod json;
pub mod messages;
pub mod meta;
pub mod rules;
pub mod table;
mod unicode;
pub mod warnings;
pub mod workflow;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{errors_to_json, Code, FieldError, Params};
pub use input::{Input, Value};
pub use messages::Locale;
pub use unicode::UNICODE_VERSION;

use cross::{Slot, State};
use error::{Fail, Hint};
use table::{Field, Takes, COUNT, FIELDS};

/// What to do with keys that are not fields of the API.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// Report each as `unknown_field` (the default).
    #[default]
    Error,
    /// Leave them out of the body without an error.
    Strip,
}

/// Options of a validation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'c> {
    /// The extension as it is now (e.g. one item of the query API's `extinfos`): the cross-field
    /// rules read it under the update. Its unknown and read-only keys are ignored, `moblie` is
    /// read as `mobile`, and a value that fails its field's checks counts as unknown.
    pub current: Option<&'c Input<'c>>,
    /// Unknown keys: error or strip.
    pub unknown_fields: UnknownFields,
    /// The language of messages (codes and params are the same in every locale).
    pub locale: Locale,
}

/// A valid request body: compact JSON, keys in table order, every value a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body(String);

impl Body {
    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The JSON text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Validates a JSON text (as strict as `JSON.parse`) and builds the body.
pub fn validate_json(text: &str, options: &Options<'_>) -> Result<Body, Vec<FieldError>> {
    validate_json_with_warnings(text, options).outcome
}

/// [`validate_json`] with the warnings ([`validate_with_warnings`]).
pub fn validate_json_with_warnings(text: &str, options: &Options<'_>) -> Report {
    match json::parse_object(text, options.locale) {
        Ok(input) => validate_with_warnings(&input, options),
        Err(e) => Report { outcome: Err(vec![e]), warnings: Vec::new() },
    }
}

/// The outcome of one validation: the body, or every error.
pub type Outcome = Result<Body, Vec<FieldError>>;

/// An outcome and its warnings (which never block a body; see [`warnings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The body, or every error.
    pub outcome: Outcome,
    /// Advice on the merged state, at most one per field, in table order; never on a field
    /// that has an error.
    pub warnings: Vec<FieldError>,
}

/// Validates a JSON array of inputs in one pass (one boundary crossing for N payloads): one
/// outcome per item, in order; an item that is not an object gives `not_an_object`. A text that
/// is not a JSON array gives one outcome holding the whole-text error (`invalid_json`, or
/// `not_an_object` with `expected: "array"`).
pub fn validate_many_json(text: &str, options: &Options<'_>) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    match validate_each_json(text, options, &mut |report| outcomes.push(report.outcome)) {
        Ok(()) => outcomes,
        Err(e) => vec![Err(vec![e])],
    }
}

/// The streaming form of [`validate_many_json`], with warnings: each item's report is handed to
/// `each` as soon as the item is read, so a batch holds one parsed item at a time. When the text
/// is not a JSON array, the whole-text error is returned (and the reports already handed over
/// are void).
pub fn validate_each_json(text: &str, options: &Options<'_>, each: &mut dyn FnMut(Report)) -> Result<(), FieldError> {
    json::each_item(text, options.locale, &mut |item| {
        each(match item {
            Some(input) => validate_with_warnings(&input, options),
            None => Report {
                outcome: Err(vec![FieldError::not_an_object("The input", options.locale)]),
                warnings: Vec::new(),
            },
        })
    })
}

/// Validates an input and builds the body, or returns every error: at most one per field,
/// in table order, whole-input errors first, unknown keys last in input order.
pub fn validate(input: &Input<'_>, options: &Options<'_>) -> Result<Body, Vec<FieldError>> {
    validate_with_warnings(input, options).outcome
}

/// [`validate`], plus the warnings of [`warnings::WARNINGS`] on the merged state (reported
/// whether or not the input is valid).
pub fn validate_with_warnings(input: &Input<'_>, options: &Options<'_>) -> Report {
    let mut given: [Option<&Value<'_>>; COUNT] = [None; COUNT];
    let mut unknown: Vec<&str> = Vec::new();
    for (key, value) in &input.entries {
        match table::index_of(key).and_then(|i| given.get_mut(i)) {
            Some(Some(_)) => {
                let outcome = Err(vec![FieldError::repeated(key, options.locale)]);
                return Report { outcome, warnings: Vec::new() };
            }
            Some(slot) => *slot = Some(value),
            None if options.unknown_fields == UnknownFields::Error => unknown.push(key),
            None => {}
        }
    }
    dedup_keep_first(&mut unknown);

    // Failures by table index, in table order (usually none: keep the valid path light).
    let mut failed: Vec<(usize, Fail)> = Vec::new();
    let mut state: State<'_> = merged_base(options.current);
    for (i, field) in FIELDS.iter().enumerate() {
        let value = given.get(i).copied().flatten().filter(|v| **v != Value::Null);
        let outcome = match value {
            None if field.required() => Err(Fail::new(Code::Required)),
            None => continue,
            Some(v) => check_value(field, v),
        };
        let slot = match outcome {
            Ok(text) => Slot::Known(text),
            Err(fail) => {
                failed.push((i, fail));
                Slot::Unknown
            }
        };
        if let Some(s) = state.get_mut(i) {
            *s = slot;
        }
    }
    for (i, fail) in cross::check(&state) {
        // A field that failed its own check is Unknown, so no rule reports on it again.
        let at = failed.partition_point(|(j, _)| *j < i);
        failed.insert(at, (i, fail));
    }

    let locale = options.locale;
    let mut has_error = [false; COUNT];
    for (i, _) in &failed {
        if let Some(e) = has_error.get_mut(*i) {
            *e = true;
        }
    }
    let is_given: [bool; COUNT] = given.map(|v| v.is_some_and(|v| *v != Value::Null));
    let warnings = to_errors(warnings::check(&state, &is_given, &has_error), locale);
    let mut errors = to_errors(failed, locale);
    errors.extend(unknown.into_iter().map(|key| FieldError::unknown(key, suggest(key), locale)));
    if !errors.is_empty() {
        return Report { outcome: Err(errors), warnings };
    }
    Report { outcome: Ok(write_body(&given, &state)), warnings }
}

/// Gives failures (in table order) their fields and sentences.
fn to_errors(failed: Vec<(usize, Fail)>, locale: Locale) -> Vec<FieldError> {
    let mut out = Vec::with_capacity(failed.len());
    for (i, fail) in failed {
        if let Some(field) = FIELDS.get(i) {
            out.push(fail.into_error(field, locale));
        }
    }
    out
}

/// Checks one field on its own (for live forms): its own rules, and the cross-field rules that
/// report on it, read on `options.current` overlaid with this one value. A name that is not a
/// field gives `unknown_field` (or nothing with [`UnknownFields::Strip`]).
pub fn validate_field(name: &str, value: &Value<'_>, options: &Options<'_>) -> Vec<FieldError> {
    let Some((i, field)) = table::index_of(name).and_then(|i| FIELDS.get(i).map(|f| (i, f))) else {
        return match options.unknown_fields {
            UnknownFields::Error => vec![FieldError::unknown(name, suggest(name), options.locale)],
            UnknownFields::Strip => Vec::new(),
        };
    };
    let mut state = merged_base(options.current);
    let slot = match value {
        Value::Null if field.required() => return vec![Fail::new(Code::Required).into_error(field, options.locale)],
        Value::Null => Slot::Absent,
        v => match check_value(field, v) {
            Ok(text) => Slot::Known(text),
            Err(fail) => return vec![fail.into_error(field, options.locale)],
        },
    };
    if let Some(s) = state.get_mut(i) {
        *s = slot;
    }
    let locale = options.locale;
    cross::check(&state).into_iter().filter(|(at, _)| *at == i).map(|(_, fail)| fail.into_error(field, locale)).collect()
}

/// Runs one field's checks on one value: its type, then its rules in table order.
pub(crate) fn check_value<'v>(field: &Field, value: &'v Value<'_>) -> Result<Cow<'v, str>, Fail> {
    let expected = match field.takes {
        Takes::Text => "string",
        Takes::TextOrNumber => "string or number",
        Takes::TextOrBool => "string or boolean",
    };
    let wrong_type = || Fail::with(Code::WrongType, Params { expected: Some(expected), ..Params::default() });
    let mut text: Cow<'v, str> = match (value, field.takes) {
        (Value::Str(s), _) if field.secret => Cow::Borrowed(&**s),
        (Value::Str(s), _) => Cow::Borrowed(rules::js_trim(s)),
        (Value::Number(Some(n)), Takes::TextOrNumber) => {
            let mut s = String::new();
            error::push_u64(&mut s, *n);
            Cow::Owned(s)
        }
        (Value::Bool(b), Takes::TextOrBool) => Cow::Borrowed(if *b { "on" } else { "off" }),
        (Value::BrokenStr, _) => return Err(Fail::chars(Hint::LoneSurrogate)),
        _ => return Err(wrong_type()),
    };
    for rule in field.rules {
        text = rule.apply(text)?;
    }
    Ok(text)
}

/// The state before the update: `current`'s valid values (unknown keys ignored, `moblie` read
/// as `mobile` when `mobile` itself is missing).
fn merged_base<'c>(current: Option<&'c Input<'c>>) -> State<'c> {
    let mut state: State<'c> = std::array::from_fn(|_| Slot::Absent);
    let Some(current) = current else { return state };
    let has_mobile = current.entries.iter().any(|(k, _)| k == "mobile");
    for (key, value) in &current.entries {
        let key: &str = if key == "moblie" && !has_mobile { "mobile" } else { key };
        let Some(i) = table::index_of(key) else { continue };
        let (Some(field), Some(slot)) = (FIELDS.get(i), state.get_mut(i)) else { continue };
        *slot = match value {
            Value::Null => Slot::Absent,
            // A stored value that fails its own checks neither triggers nor satisfies a rule.
            v => check_value(field, v).map_or(Slot::Absent, Slot::Known),
        };
    }
    state
}

/// Writes the body: the given fields' normalised values, in table order.
fn write_body(given: &[Option<&Value<'_>>; COUNT], state: &State<'_>) -> Body {
    let mut out = String::with_capacity(64 + 24 * given.iter().flatten().count());
    out.push('{');
    for ((field, value), slot) in FIELDS.iter().zip(given).zip(state) {
        if let (Some(v), Slot::Known(text)) = (value, slot) {
            if **v == Value::Null {
                continue;
            }
            if out.len() > 1 {
                out.push(',');
            }
            out.push('"');
            out.push_str(field.name);
            out.push_str("\":");
            json::write_str(&mut out, text);
        }
    }
    out.push('}');
    Body(out)
}

/// Removes repeated keys, keeping each first occurrence in place. A small open-addressing set
/// (FNV-1a) keeps it linear for inputs with many unknown keys, without the weight of a sort or
/// of `HashMap` in the wasm module.
fn dedup_keep_first(keys: &mut Vec<&str>) {
    if keys.len() < 2 {
        return;
    }
    let mask = (keys.len() * 2).next_power_of_two() - 1;
    let mut slots: Vec<Option<&str>> = vec![None; mask + 1];
    keys.retain(|key| {
        let mut at = key.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)) as usize & mask;
        loop {
            match slots.get_mut(at) {
                Some(slot @ None) => {
                    *slot = Some(key);
                    return true;
                }
                Some(Some(seen)) if seen == key => return false,
                Some(Some(_)) => at = (at + 1) & mask,
                // Unreachable (`at` is masked); keeping the key is the safe answer.
                None => return true,
            }
        }
    });
}

/// The known field one or two edits away from `key` (ASCII case ignored; a swap of two
/// neighbours is one edit, so `moblie` → `mobile`); the closest, then the first in table order.
pub fn suggest(key: &str) -> Option<&'static str> {
    let key: Vec<u8> = key.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let mut best: Option<(usize, &'static str)> = None;
    for field in &FIELDS {
        if key.len() > field.name.len() + 2 || field.name.len() > key.len() + 2 {
            continue;
        }
        let d = edit_distance(&key, field.name.as_bytes());
        if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, field.name));
        }
    }
    best.map(|(_, name)| name)
}

/// Optimal string alignment distance (Levenshtein plus adjacent transposition).
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for (i, &ca) in a.iter().enumerate() {
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let get = |v: &Vec<usize>, k: usize| v.get(k).copied().unwrap_or(usize::MAX / 2);
            let cost = usize::from(ca != cb);
            let mut d = (get(&prev, j + 1) + 1).min(get(&cur, j) + 1).min(get(&prev, j) + cost);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca);
            if swapped {
                d = d.min(get(&prev2, j - 1) + 1);
            }
            if let Some(c) = cur.get_mut(j + 1) {
                *c = d;
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(usize::MAX)
}

/// Parses the single value of a field given as JSON text (the boundary's form of
/// [`validate_field`]).
pub fn validate_field_json(name: &str, value_json: &str, options: &Options<'_>) -> Vec<FieldError> {
    match json::parse_value(value_json, options.locale) {
        Ok(v) => validate_field(name, &v, options),
        Err(e) => vec![e],
    }
}
