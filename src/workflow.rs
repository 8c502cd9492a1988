//! The dashboard loop: load an extension from the query API, edit it, send only what changed.
//!
//! ```
//! use yeastar_extension_update::workflow::{diff, from_query};
//! use yeastar_extension_update::{Input, Options};
//! let item = Input::parse_json(r#"{"extnumber":"1000","username":"Jayson","moblie":"","status":"Registered","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","dnd":"off"}"#).unwrap();
//! let before = from_query(&item);
//! assert_eq!(before.to_json(), r#"{"extid":"1000","username":"Jayson","mobile":"","dnd":"off"}"#);
//! let after = Input::parse_json(r#"{"extid":"1000","username":"Jayson","mobile":"","dnd":"on"}"#).unwrap();
//! let d = diff(&before.as_input(), &after, &Options::default());
//! assert_eq!(d.changed, ["dnd"]);
//! assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","dnd":"on"}"#);
//! ```

use std::borrow::Cow;

use crate::table::{index_of, COUNT, FIELDS};
use crate::{check_value, json, validate_with_warnings, Input, Options, Report, Value};

/// An update-shaped state: field values in table order (normalised where they pass their checks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// `(field, value)` in table order.
    pub fields: Vec<(&'static str, String)>,
}

impl State {
    /// As an [`Input`] (to validate, or to pass as `Options::current`).
    pub fn as_input(&self) -> Input<'_> {
        Input { entries: self.fields.iter().map(|(k, v)| (Cow::Borrowed(*k), Value::Str(Cow::Borrowed(v.as_str())))).collect() }
    }

    /// Compact JSON, keys in table order.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        for (i, (k, v)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_str(&mut out, k);
            out.push(':');
            json::write_str(&mut out, v);
        }
        out.push('}');
        out
    }
}

/// Read-only fields of a query answer: never part of an update.
const READ_ONLY: [&str; 7] = ["status", "type", "port", "language", "inbound", "outbound", "ext"];

/// Turns one item of the query API's `extinfos` into an update-shaped state: `extid` from
/// `extnumber`, `moblie` read as `mobile`, read-only fields (`status`, `type`, `port`,
/// `language`, `inbound`, `outbound`, `ext`) and `loginpassword` (the query returns its MD5
/// hash) left out, unknown keys ignored. Values that pass their checks are normalised as the
/// body carries them; a string that fails them is kept as given, for the form to show and flag.
pub fn from_query(item: &Input<'_>) -> State {
    let has_mobile = item.entries.iter().any(|(k, _)| k == "mobile");
    let mut slots: [Option<String>; COUNT] = std::array::from_fn(|_| None);
    for (key, value) in &item.entries {
        let key: &str = match &**key {
            "extnumber" => "extid",
            "moblie" if !has_mobile => "mobile",
            "loginpassword" | "extid" => continue,
            k if READ_ONLY.contains(&k) => continue,
            k => k,
        };
        let Some(i) = index_of(key) else { continue };
        let (Some(field), Some(slot)) = (FIELDS.get(i), slots.get_mut(i)) else { continue };
        *slot = match (check_value(field, value), value) {
            (Ok(text), _) => Some(text.into_owned()),
            (Err(_), Value::Str(s)) => Some(s.to_string()),
            (Err(_), _) => None,
        };
    }
    State { fields: FIELDS.iter().zip(slots).filter_map(|(f, v)| v.map(|v| (f.name, v))).collect() }
}

/// The minimal update between two states, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// The fields whose normalised values differ (table order; never `extid`).
    pub changed: Vec<&'static str>,
    /// The update (`extid` plus the changed fields) validated with `before` as `current`, with
    /// its warnings.
    pub report: Report,
}

/// `extid` plus the fields of `after` whose normalised value differs from `before`'s (a field
/// `after` leaves out or sets to null is unchanged; a value that fails its checks is always
/// sent, so that validation reports it; keys that are not fields are passed on, so that they
/// are reported or stripped as `options.unknown_fields` says), validated on the merged state
/// (`before` as `current`), so clearing `mobile` while mobility is on is refused. `extid`
/// comes from `after`, else from `before`.
pub fn diff(before: &Input<'_>, after: &Input<'_>, options: &Options<'_>) -> Diff {
    // Per field: not given (None), given and valid (Some(Some(normalised))), given but
    // invalid (Some(None)).
    fn values<'v>(input: &'v Input<'_>) -> [Option<Option<Cow<'v, str>>>; COUNT] {
        let mut out: [Option<Option<Cow<'v, str>>>; COUNT] = std::array::from_fn(|_| None);
        for (key, value) in &input.entries {
            let Some(i) = index_of(key) else { continue };
            let (Some(field), Some(slot)) = (FIELDS.get(i), out.get_mut(i)) else { continue };
            if *value != Value::Null {
                *slot = Some(check_value(field, value).ok());
            }
        }
        out
    }
    let (old, new) = (values(before), values(after));
    let mut update = Input::new();
    let mut changed = Vec::new();
    let extid = after.entries.iter().chain(&before.entries).find(|(k, v)| k == "extid" && *v != Value::Null);
    if let Some((_, v)) = extid {
        update.push("extid", v.clone());
    }
    for (i, field) in FIELDS.iter().enumerate().skip(1) {
        let (Some(was), Some(Some(now))) = (old.get(i), new.get(i)) else { continue };
        let same = matches!((was, now), (Some(Some(a)), Some(b)) if a == b);
        if !same {
            changed.push(field.name);
            if let Some((_, v)) = after.entries.iter().find(|(k, _)| k == field.name) {
                update.push(field.name, v.clone());
            }
        }
    }
    for (key, value) in &after.entries {
        if index_of(key).is_none() {
            update.push(key.clone(), value.clone());
        }
    }
    let options = Options { current: Some(before), ..*options };
    Diff { changed, report: validate_with_warnings(&update, &options) }
}
