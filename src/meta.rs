//! `fields()` and `schema()`: the rule table and the cross-field list, exported as JSON.
//!
//! ```
//! use yeastar_extension_update::meta::{fields_json, schema_json};
//! assert!(fields_json().starts_with(r#"[{"name":"extid","label":"Extension number","group":"user""#));
//! assert!(schema_json().contains(r#""additionalProperties":false"#));
//! ```

use crate::cross::{Trigger, CROSS_RULES};
use crate::error::{push_u64, write_str_array};
use crate::json::write_str;
use crate::messages::Locale;
use crate::rules::Rule;
use crate::table::{Field, Takes, FIELDS};

/// The metadata of every row, as a JSON array in table order (shape in `docs/BOUNDARY.md`).
pub fn fields_json() -> String {
    fields_json_in(Locale::En)
}

/// [`fields_json`] with `label` and `groupLabel` in `locale` (descriptions stay the vendor's
/// English).
pub fn fields_json_in(locale: Locale) -> String {
    let mut out = String::with_capacity(12 * 1024);
    out.push('[');
    for (i, f) in FIELDS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field_json(&mut out, f, locale);
    }
    out.push(']');
    out
}

fn key(out: &mut String, k: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    write_str(out, k);
    out.push(':');
}

fn str_prop(out: &mut String, k: &str, v: &str) {
    key(out, k);
    write_str(out, v);
}

fn num_prop(out: &mut String, k: &str, v: u64) {
    key(out, k);
    push_u64(out, v);
}

fn bool_prop(out: &mut String, k: &str, v: bool) {
    key(out, k);
    out.push_str(if v { "true" } else { "false" });
}

fn field_json(out: &mut String, f: &Field, locale: Locale) {
    out.push('{');
    str_prop(out, "name", f.name);
    str_prop(out, "label", f.label_in(locale));
    str_prop(out, "group", f.group.as_str());
    str_prop(out, "groupLabel", f.group.label_in(locale));
    str_prop(out, "kind", f.kind.as_str());
    bool_prop(out, "required", f.required());
    bool_prop(out, "secret", f.secret);
    bool_prop(out, "trimmed", !f.secret);
    bool_prop(out, "blankAllowed", f.blank_allowed());
    key(out, "input");
    out.push_str(match f.takes {
        Takes::Text => r#"["string"]"#,
        Takes::TextOrNumber => r#"["string","number"]"#,
        Takes::TextOrBool => r#"["string","boolean"]"#,
    });
    if let Some((min, max)) = f.length() {
        num_prop(out, "minLength", min.into());
        num_prop(out, "maxLength", max.into());
    }
    if let Some((min, max)) = f.range() {
        num_prop(out, "minimum", min);
        num_prop(out, "maximum", max);
    }
    if let Some(c) = f.choices() {
        key(out, "allowed");
        write_str_array(out, c.values);
        if !c.aliases.is_empty() {
            key(out, "aliases");
            out.push('{');
            for (alias, value) in c.aliases {
                str_prop(out, alias, value);
            }
            out.push('}');
        }
    }
    str_prop(out, "description", f.description);
    out.push('}');
}

/// The character rules as ECMA-262 (`u` flag) patterns, for JSON Schema.
fn pattern(rule: &Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::Digits => "^[0-9]*$",
        Rule::NameChars => r"^[\p{L}\p{M}0-9 ]*$",
        Rule::AsciiAlnum => "^[A-Za-z0-9]*$",
        // \p{Cs}: a lone surrogate is no character at all (validate says invalid_chars).
        Rule::PasswordChars => r#"^[^;&"'`\\<>|\s\p{Cc}\p{Cs}]*$"#,
        Rule::Email => concat!(
            r"^$|^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
        ),
        _ => return None,
    })
}

/// A JSON Schema (draft 2020-12) of the body: closed, `extid` required, one property per row,
/// and R1–R3 as `if`/`then` (checked on the body alone, as `validate` does without `current`).
pub fn schema_json() -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push('{');
    str_prop(&mut out, "$schema", "https://json-schema.org/draft/2020-12/schema");
    str_prop(&mut out, "title", "Yeastar S-Series extension update request body");
    str_prop(&mut out, "type", "object");
    key(&mut out, "required");
    let required: Vec<&str> = FIELDS.iter().filter(|f| f.required()).map(|f| f.name).collect();
    write_str_array(&mut out, &required);
    bool_prop(&mut out, "additionalProperties", false);
    key(&mut out, "properties");
    out.push('{');
    for f in &FIELDS {
        key(&mut out, f.name);
        out.push('{');
        str_prop(&mut out, "type", "string");
        str_prop(&mut out, "title", f.label);
        str_prop(&mut out, "description", f.description);
        if let Some((min, max)) = f.length() {
            let min = if f.blank_allowed() { min } else { min.max(1) };
            if min > 0 {
                num_prop(&mut out, "minLength", min.into());
            }
            num_prop(&mut out, "maxLength", max.into());
        }
        if let Some(p) = f.rules.iter().find_map(pattern) {
            str_prop(&mut out, "pattern", p);
        }
        if let Some(c) = f.choices() {
            key(&mut out, "enum");
            write_str_array(&mut out, c.values);
        }
        if let Some((min, max)) = f.range() {
            key(&mut out, "enum");
            out.push('[');
            for n in min..=max {
                if n > min {
                    out.push(',');
                }
                out.push('"');
                push_u64(&mut out, n);
                out.push('"');
            }
            out.push(']');
        }
        out.push('}');
    }
    out.push('}');
    key(&mut out, "allOf");
    out.push('[');
    for (i, rule) in CROSS_RULES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"if":{"required":["#);
        let (field, value, switch) = match rule.trigger {
            Trigger::SwitchOn { switch } => (switch, "on", None),
            Trigger::Destination { switch, field, value } => (field, value, Some(switch)),
        };
        write_str(&mut out, field);
        out.push_str(r#"],"properties":{"#);
        write_str(&mut out, field);
        out.push_str(r#":{"const":"#);
        write_str(&mut out, value);
        out.push('}');
        if let Some(switch) = switch {
            out.push(',');
            write_str(&mut out, switch);
            out.push_str(r#":{"not":{"const":"off"}}"#);
        }
        out.push_str(r#"}},"then":{"required":["#);
        write_str(&mut out, rule.reports_on);
        out.push_str(r#"],"properties":{"#);
        write_str(&mut out, rule.reports_on);
        out.push_str(r#":{"type":"string","minLength":1}}}}"#);
    }
    out.push_str("]}");
    out
}
