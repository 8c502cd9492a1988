//! The thin JS boundary: strings in, one string out (contract in `docs/BOUNDARY.md`).
//!
//! The JS layer of the npm package encodes a JS object as JSON text, so one call crosses the
//! boundary and the core never touches a `JsValue`. Data errors come back as data; nothing
//! here throws or panics.

use wasm_bindgen::prelude::*;

use crate::{
    errors_to_json, validate_each_json, validate_field_json, validate_json_with_warnings, workflow, FieldError, Input,
    Locale, Options, Report, UnknownFields,
};

/// Bit 0 of `flags`: `unknownFields: "strip"`.
const STRIP_UNKNOWN: u32 = 1;
/// Bit 1 of `flags`: messages in Simplified Chinese (`locale: "zh-CN"`).
const ZH_CN: u32 = 2;

fn locale_from(flags: u32) -> Locale {
    if flags & ZH_CN != 0 {
        Locale::ZhCn
    } else {
        Locale::En
    }
}

fn options_from(flags: u32) -> Options<'static> {
    let unknown_fields = if flags & STRIP_UNKNOWN != 0 { UnknownFields::Strip } else { UnknownFields::Error };
    Options { current: None, unknown_fields, locale: locale_from(flags) }
}

/// Runs `f` with the options that `current_json` (`""`: none) and `flags` describe. The JS
/// layer only sends objects as `current`, so a failure to read it means the encoding is broken:
/// it is the answer, not a throw.
fn with_options(current_json: &str, flags: u32, f: impl FnOnce(&Options<'_>) -> String) -> String {
    let current = if current_json.is_empty() {
        None
    } else {
        match Input::parse_json(current_json) {
            Ok(c) => Some(c),
            Err(_) => return errors_to_json(&[FieldError::not_an_object("options.current", locale_from(flags))]),
        }
    };
    f(&Options { current: current.as_ref(), ..options_from(flags) })
}

/// Appends one validation's answer: the body (`{…}`) or the errors (`[…]`), then, when there
/// are warnings, a tab and the warnings (`[…]`). Compact JSON never holds a raw tab.
fn push_answer(out: &mut String, report: Report) {
    match report.outcome {
        Ok(body) => out.push_str(body.as_str()),
        Err(errors) => out.push_str(&errors_to_json(&errors)),
    }
    if !report.warnings.is_empty() {
        out.push('\t');
        out.push_str(&errors_to_json(&report.warnings));
    }
}

/// Validates a JSON text; returns the answer of `push_answer`.
#[wasm_bindgen]
pub fn validate(input_json: &str, current_json: &str, flags: u32) -> String {
    with_options(current_json, flags, |options| {
        let mut out = String::new();
        push_answer(&mut out, validate_json_with_warnings(input_json, options));
        out
    })
}

/// One query item → the update-shaped state (`{…}`); an item that is not a JSON object gives
/// its error (`[…]`; the JS layer only sends objects).
#[wasm_bindgen(js_name = fromQuery)]
pub fn from_query(item_json: &str) -> String {
    match Input::parse_json(item_json) {
        Ok(item) => workflow::from_query(&item).to_json(),
        Err(e) => errors_to_json(&[e]),
    }
}

/// The minimal update from `before` to `after`: the changed fields as a JSON array, a newline,
/// then the answer of `push_answer`.
#[wasm_bindgen]
pub fn diff(before_json: &str, after_json: &str, flags: u32) -> String {
    let locale = locale_from(flags);
    let mut out = String::new();
    match (Input::parse_json_in(before_json, locale), Input::parse_json_in(after_json, locale)) {
        (Ok(before), Ok(after)) => {
            let d = workflow::diff(&before, &after, &options_from(flags));
            crate::error::write_str_array(&mut out, &d.changed);
            out.push('\n');
            push_answer(&mut out, d.report);
        }
        (Err(e), _) | (_, Err(e)) => {
            out.push_str("[]\n");
            out.push_str(&errors_to_json(&[e]));
        }
    }
    out
}

/// Validates a JSON array of inputs; returns one answer per item (body `{…}` or errors `[…]`),
/// joined by `\n`: compact JSON never holds a raw newline, so the JS side splits without
/// parsing, and N payloads cost one crossing.
#[wasm_bindgen(js_name = validateMany)]
pub fn validate_many(inputs_json: &str, current_json: &str, flags: u32) -> String {
    with_options(current_json, flags, |options| {
        let mut out = String::with_capacity(inputs_json.len() / 2 + 16);
        let mut first = true;
        let read = validate_each_json(inputs_json, options, &mut |outcome| {
            if !first {
                out.push('\n');
            }
            first = false;
            push_answer(&mut out, outcome);
        });
        match read {
            Ok(()) => out,
            Err(e) => errors_to_json(&[e]),
        }
    })
}

/// The size of the wasm linear memory in bytes (a diagnostic for leak tests; not public API).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}

/// Checks one field given as a JSON value; returns the errors as a JSON array.
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(field: &str, value_json: &str, current_json: &str, flags: u32) -> String {
    with_options(current_json, flags, |options| errors_to_json(&validate_field_json(field, value_json, options)))
}

/// The rule table's metadata as a JSON array (labels in the locale of `flags`).
#[wasm_bindgen]
pub fn fields(flags: u32) -> String {
    crate::meta::fields_json_in(locale_from(flags))
}

/// The JSON Schema of the body.
#[wasm_bindgen]
pub fn schema() -> String {
    crate::meta::schema_json()
}
