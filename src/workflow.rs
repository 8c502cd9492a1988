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

/// Read-only fields of a query answer: never part of an update. None is a field of the table,
/// so the table lookup already leaves them out (a test keeps it so); the list documents them.
pub const READ_ONLY: [&str; 7] = ["status", "type", "port", "language", "inbound", "outbound", "ext"];

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
            // The query's loginpassword is an MD5 hash; its extid (if any) is not the number.
            "loginpassword" | "extid" => continue,
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

/// `extid` plus the fields of `after` whose normalised value differs from `before`'s, validated
/// on the merged state (`before` as `current`), so clearing `mobile` while mobility is on is
/// refused.
///
/// - A field `after` leaves out or sets to null is unchanged (not cleared).
/// - A value that fails its checks is sent (so that validation reports it) unless `before`
///   holds the very same text: a stored value the rules refuse does not block other edits.
/// - Keys that are not fields are passed on, so that they are reported or stripped as
///   `options.unknown_fields` says.
/// - `extid` comes from `before` (the extension being edited), else from `after`. When `after`
///   gives another valid `extid`, the person renumbered the extension: it becomes `extnumber`
///   (unless `after` gives `extnumber` itself), never a silent switch to another extension. An
///   invalid `extid` in `after` is sent, and so reported.
pub fn diff(before: &Input<'_>, after: &Input<'_>, options: &Options<'_>) -> Diff {
    // Per field: not given (None), given and valid (Some(Ok(normalised))), given but invalid
    // (Some(Err(value))).
    type Given<'v, 'a> = Option<Result<Cow<'v, str>, &'v Value<'a>>>;
    fn values<'v, 'a>(input: &'v Input<'a>) -> [Given<'v, 'a>; COUNT] {
        let mut out: [Given<'v, 'a>; COUNT] = std::array::from_fn(|_| None);
        for (key, value) in &input.entries {
            let Some(i) = index_of(key) else { continue };
            let (Some(field), Some(slot)) = (FIELDS.get(i), out.get_mut(i)) else { continue };
            if *value != Value::Null {
                *slot = Some(check_value(field, value).map_err(|_| value));
            }
        }
        out
    }
    let (old, mut new) = (values(before), values(after));
    fn value_of<'a>(input: &Input<'a>, name: &str) -> Option<Value<'a>> {
        input.entries.iter().find(|(k, v)| k == name && *v != Value::Null).map(|(_, v)| v.clone())
    }
    let mut update = Input::new();
    let mut changed = Vec::new();
    // An invalid extid in `after` is sent, so that it is reported like any invalid edit.
    let extid = match new.first() {
        Some(Some(Err(_))) => value_of(after, "extid"),
        _ => value_of(before, "extid").or_else(|| value_of(after, "extid")),
    };
    let renumbered = match (old.first(), new.first()) {
        (Some(Some(Ok(was))), Some(Some(Ok(now)))) => was != now && new.get(1).is_some_and(Option::is_none),
        _ => false,
    };
    if let Some(v) = extid {
        update.push("extid", v);
    }
    if renumbered {
        if let (Some(Some(Ok(now))), Some(slot)) = (new.first().cloned(), new.get_mut(1)) {
            *slot = Some(Ok(now));
        }
    }
    for (i, field) in FIELDS.iter().enumerate().skip(1) {
        let (Some(was), Some(Some(now))) = (old.get(i), new.get(i)) else { continue };
        let same = match (was, now) {
            (Some(Ok(a)), Ok(b)) => a == b,
            (Some(Err(a)), Err(b)) => a == b,
            _ => false,
        };
        if same {
            continue;
        }
        changed.push(field.name);
        let value = if renumbered && i == 1 { value_of(after, "extid") } else { value_of(after, field.name) };
        if let Some(v) = value {
            update.push(field.name, v);
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
