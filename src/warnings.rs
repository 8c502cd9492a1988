//! Warnings: a second channel beside the errors, as a named list like [`crate::cross`]. A
//! warning never blocks a valid body; it says that the PBX will accept the update but the
//! extension will probably not behave as the person expects.
//!
//! ```
//! use yeastar_extension_update::{validate_with_warnings, Code, Input, Options};
//! let input = Input::parse_json(r#"{"extid":"1000","enablevmtoemail":"on","email":""}"#).unwrap();
//! let report = validate_with_warnings(&input, &Options::default());
//! assert!(report.outcome.is_ok());
//! assert_eq!(report.warnings[0].code, Code::VmToEmailWithoutEmail);
//! assert_eq!(report.warnings[0].field, "email");
//! ```
//!
//! They read the same merged state as the cross-field rules (`options.current` overlaid with
//! the update, values normalised, a value that failed its checks unknown), except
//! [`Condition::LooksHashed`], which reads only the update: a stored `loginpassword` is not
//! sent. A field that has an error gets no warning, and each field at most one.

use crate::cross::{Slot, State};
use crate::error::{Code, Fail, Hint, Params};
use crate::table::{const_index, COUNT};

/// When a warning fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// `switch` is `on` and the reported field is blank (or absent).
    OnButBlank {
        /// The switch (reported as `because`).
        switch: &'static str,
    },
    /// A live forwarding rule (its switch not known to be `off`) whose destination is
    /// `Voicemail` while `hasvoicemail` is `off`.
    ToVoicemailWhileOff {
        /// The forwarding rule's switch.
        switch: &'static str,
    },
    /// A live forwarding rule whose destination is `Extension` and whose extension (the
    /// reported field) is `extid` itself.
    ToItself {
        /// The forwarding rule's switch.
        switch: &'static str,
        /// The destination field.
        destination: &'static str,
    },
    /// The update's value is exactly 32 hex digits (the MD5 hash the query API returns).
    LooksHashed,
    /// The reported switch is `on` while `switch` is `off` or, failing that, `field` is blank.
    OnWithout {
        /// The switch that must be on.
        switch: &'static str,
        /// The field that must not be blank.
        field: &'static str,
    },
}

/// One warning rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Warning {
    /// The warning code.
    pub code: Code,
    /// The field it is reported on.
    pub reports_on: &'static str,
    /// The condition.
    pub condition: Condition,
    at: [usize; 3],
}

impl Warning {
    /// The fields the rule reads (the reported one last).
    pub fn reads(&self) -> Vec<&'static str> {
        let mut out = match self.condition {
            Condition::OnButBlank { switch } => vec![switch],
            Condition::ToVoicemailWhileOff { switch } => vec![switch, "hasvoicemail"],
            Condition::ToItself { switch, destination } => vec![switch, destination, "extid"],
            Condition::LooksHashed => vec![],
            Condition::OnWithout { switch, field } => vec![switch, field],
        };
        out.push(self.reports_on);
        out
    }
}

const NONE: usize = usize::MAX;

const fn on_but_blank(reports_on: &'static str, switch: &'static str) -> Warning {
    let at = [const_index(reports_on), const_index(switch), NONE];
    Warning { code: Code::VmToEmailWithoutEmail, reports_on, condition: Condition::OnButBlank { switch }, at }
}

const fn to_voicemail(destination: &'static str, switch: &'static str) -> Warning {
    let at = [const_index(destination), const_index(switch), const_index("hasvoicemail")];
    Warning {
        code: Code::ForwardToDisabledVoicemail,
        reports_on: destination,
        condition: Condition::ToVoicemailWhileOff { switch },
        at,
    }
}

const fn to_itself(reports_on: &'static str, switch: &'static str, destination: &'static str) -> Warning {
    let at = [const_index(reports_on), const_index(switch), const_index(destination)];
    Warning { code: Code::ForwardToSelf, reports_on, condition: Condition::ToItself { switch, destination }, at }
}

/// The warnings, in the order they are looked for (table order of the reported fields).
#[rustfmt::skip]
pub static WARNINGS: [Warning; 9] = [
    Warning { code: Code::PasswordLooksHashed, reports_on: "loginpassword", condition: Condition::LooksHashed,
              at: [const_index("loginpassword"), NONE, NONE] },
    on_but_blank("email", "enablevmtoemail"),
    to_voicemail("atransferto", "alwaysforward"),
    to_itself("atransferext", "alwaysforward", "atransferto"),
    to_voicemail("ntransferto", "noanswerforward"),
    to_itself("ntransferext", "noanswerforward", "ntransferto"),
    to_voicemail("btransferto", "busyforward"),
    to_itself("btransferext", "busyforward", "btransferto"),
    Warning { code: Code::RingWithoutMobile, reports_on: "ringsimultaneous",
              condition: Condition::OnWithout { switch: "enablemobile", field: "mobile" },
              at: [const_index("ringsimultaneous"), const_index("enablemobile"), const_index("mobile")] },
];

fn is(state: &State<'_>, at: usize, value: &str) -> bool {
    matches!(state.get(at), Some(Slot::Known(v)) if v == value)
}

fn blank(state: &State<'_>, at: usize) -> bool {
    match state.get(at) {
        Some(Slot::Known(v)) => crate::rules::js_trim(v).is_empty(),
        Some(Slot::Unknown) => false,
        Some(Slot::Absent) | None => true,
    }
}

fn known<'s>(state: &'s State<'_>, at: usize) -> Option<&'s str> {
    match state.get(at) {
        Some(Slot::Known(v)) => Some(v),
        _ => None,
    }
}

/// Runs every warning on the merged state. `given[i]` says whether the update itself holds
/// field `i`, `failed[i]` whether it has an error. Yields `(table index, warning)`.
pub(crate) fn check(state: &State<'_>, given: &[bool; COUNT], failed: &[bool; COUNT]) -> Vec<(usize, Fail)> {
    let mut out: Vec<(usize, Fail)> = Vec::new();
    for w in &WARNINGS {
        let [at, a, b] = w.at;
        let because = match w.condition {
            Condition::LooksHashed => {
                let hashed = given.get(at) == Some(&true)
                    && known(state, at).is_some_and(|v| v.len() == 32 && v.bytes().all(|c| c.is_ascii_hexdigit()));
                if !hashed {
                    continue;
                }
                None
            }
            Condition::OnButBlank { switch } => {
                if !(is(state, a, "on") && blank(state, at)) {
                    continue;
                }
                Some(switch)
            }
            Condition::ToVoicemailWhileOff { .. } => {
                if !(!is(state, a, "off") && is(state, at, "Voicemail") && is(state, b, "off")) {
                    continue;
                }
                Some("hasvoicemail")
            }
            Condition::ToItself { .. } => {
                let extid = known(state, const_index("extid"));
                if !(!is(state, a, "off") && is(state, b, "Extension") && extid.is_some() && known(state, at) == extid) {
                    continue;
                }
                Some("extid")
            }
            Condition::OnWithout { switch, field } => {
                if !is(state, at, "on") {
                    continue;
                }
                if is(state, a, "off") {
                    Some(switch)
                } else if !is(state, a, "on") && known(state, b).is_some_and(|v| crate::rules::js_trim(v).is_empty()) {
                    // Mobility on with a blank mobile is R1's error, not a warning.
                    Some(field)
                } else {
                    continue;
                }
            }
        };
        if failed.get(at) == Some(&true) || out.iter().any(|(i, _)| *i == at) {
            continue;
        }
        let params = Params { because, ..Params::default() };
        out.push((at, Fail { code: w.code, params, hint: Hint::None }));
    }
    out
}
