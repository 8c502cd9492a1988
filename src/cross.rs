//! Cross-field rules R1–R3 (SPEC §3), as a named list: what each reads, where it reports.
//!
//! They run on the merged state: `options.current` overlaid with the update. A forwarding rule
//! is live unless its switch is known to be `off`; a value that failed its own checks is
//! unknown, and neither triggers a rule nor is reported twice.
//!
//! ```
//! use yeastar_extension_update::{validate_json, Code, Options};
//! let errors = validate_json(r#"{"extid":"1000","enablemobile":"on"}"#, &Options::default()).unwrap_err();
//! assert_eq!((errors[0].field.as_str(), errors[0].code), ("mobile", Code::RequiredIf));
//! assert_eq!(errors[0].params.because, Some("enablemobile"));
//! ```

use std::borrow::Cow;

use crate::error::{Code, Fail, Hint, Params};
use crate::table::{const_index, COUNT};

/// What makes a field required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A switch that is `on`.
    SwitchOn {
        /// The switch.
        switch: &'static str,
    },
    /// A live forwarding rule (its switch not known to be `off`) whose destination is `value`.
    Destination {
        /// The forwarding rule's on/off switch.
        switch: &'static str,
        /// The destination field (reported as `because`).
        field: &'static str,
        /// The destination value that needs the reported field.
        value: &'static str,
    },
}

/// One cross-field rule: `reports_on` must not be blank when `trigger` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossRule {
    /// SPEC name, e.g. `"R1"`.
    pub name: &'static str,
    /// The field that must change; its error is `required_if`.
    pub reports_on: &'static str,
    /// The condition.
    pub trigger: Trigger,
    /// Table indices of `reports_on`, the switch and the destination (resolved at compile time,
    /// so the hot path compares no names).
    at: At,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    reports_on: usize,
    switch: usize,
    destination: usize,
}

impl CrossRule {
    /// The fields the rule reads (trigger fields, then the reported one).
    pub fn reads(&self) -> Vec<&'static str> {
        match self.trigger {
            Trigger::SwitchOn { switch } => vec![switch, self.reports_on],
            Trigger::Destination { switch, field, .. } => vec![switch, field, self.reports_on],
        }
    }

    /// The field named in `params.because`.
    pub fn because(&self) -> &'static str {
        match self.trigger {
            Trigger::SwitchOn { switch } => switch,
            Trigger::Destination { field, .. } => field,
        }
    }
}

const fn switch_on(name: &'static str, reports_on: &'static str, switch: &'static str) -> CrossRule {
    let at = At { reports_on: const_index(reports_on), switch: const_index(switch), destination: usize::MAX };
    CrossRule { name, reports_on, trigger: Trigger::SwitchOn { switch }, at }
}

const fn dest(name: &'static str, reports_on: &'static str, switch: &'static str, field: &'static str, value: &'static str) -> CrossRule {
    let at = At { reports_on: const_index(reports_on), switch: const_index(switch), destination: const_index(field) };
    CrossRule { name, reports_on, trigger: Trigger::Destination { switch, field, value }, at }
}

/// The rules, in the order their errors are looked for (the first that fires on a field wins).
#[rustfmt::skip]
pub static CROSS_RULES: [CrossRule; 10] = [
    switch_on("R1", "mobile", "enablemobile"),
    dest("R1", "mobile", "alwaysforward", "atransferto", "Mobile Number"),
    dest("R1", "mobile", "noanswerforward", "ntransferto", "Mobile Number"),
    dest("R1", "mobile", "busyforward", "btransferto", "Mobile Number"),
    dest("R2", "atransfernum", "alwaysforward", "atransferto", "Custom Number"),
    dest("R2", "ntransfernum", "noanswerforward", "ntransferto", "Custom Number"),
    dest("R2", "btransfernum", "busyforward", "btransferto", "Custom Number"),
    dest("R3", "atransferext", "alwaysforward", "atransferto", "Extension"),
    dest("R3", "ntransferext", "noanswerforward", "ntransferto", "Extension"),
    dest("R3", "btransferext", "busyforward", "btransferto", "Extension"),
];

/// A field in the merged state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot<'a> {
    /// Neither the update nor `current` has it.
    Absent,
    /// Given, but it failed its own checks: its value is not known.
    Unknown,
    /// The normalised value.
    Known(Cow<'a, str>),
}

/// The merged state, indexed like the table.
pub(crate) type State<'a> = [Slot<'a>; COUNT];

fn is(state: &State<'_>, at: usize, value: &str) -> bool {
    matches!(state.get(at), Some(Slot::Known(v)) if v == value)
}

/// Runs every rule; yields `(table index, failure)` for each field that must change.
pub(crate) fn check(state: &State<'_>) -> Vec<(usize, Fail)> {
    let mut out: Vec<(usize, Fail)> = Vec::new();
    for rule in &CROSS_RULES {
        let (fires, when) = match rule.trigger {
            Trigger::SwitchOn { .. } => (is(state, rule.at.switch, "on"), "on"),
            Trigger::Destination { value, .. } => {
                (!is(state, rule.at.switch, "off") && is(state, rule.at.destination, value), value)
            }
        };
        if !fires {
            continue;
        }
        let at = rule.at.reports_on;
        let blank = match state.get(at) {
            Some(Slot::Known(v)) => crate::rules::js_trim(v).is_empty(),
            Some(Slot::Unknown) => false,
            Some(Slot::Absent) | None => true,
        };
        if blank && !out.iter().any(|(i, _)| *i == at) {
            let params = Params { because: Some(rule.because()), ..Params::default() };
            out.push((at, Fail { code: Code::RequiredIf, params, hint: Hint::When(when) }));
        }
    }
    out
}
