//! Structured errors (and warnings): a stable `code`, the `params` it needs, and one sentence.
//!
//! ```
//! use yeastar_extension_update::{validate_json, Code, Options};
//! let errors = validate_json(r#"{"extid":"12a"}"#, &Options::default()).unwrap_err();
//! assert_eq!(errors[0].field, "extid");
//! assert_eq!(errors[0].code, Code::NotDigits);
//! assert_eq!(errors[0].message, "Extension number can contain only digits (0-9).");
//! ```
//!
//! Messages are built from the field's label and the params only, never from the value, so
//! no message or param can hold a secret.

use crate::json::write_str;
use crate::messages::{self, render, Args, Locale, Msg};
use crate::table::Field;

/// What went wrong, as a stable machine-readable code (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// A required field (`extid`) is missing.
    Required,
    /// A field is blank because of another field's value (rules R1–R3).
    RequiredIf,
    /// Present but blank where the field cannot be blank.
    Blank,
    /// Longer than `params.max` characters.
    TooLong,
    /// Shorter than `params.min` characters.
    TooShort,
    /// Not made of ASCII digits only.
    NotDigits,
    /// Holds a character the field does not allow.
    InvalidChars,
    /// A number outside `params.min`..=`params.max`.
    OutOfRange,
    /// Not one of `params.allowed`.
    NotAllowedValue,
    /// Not a WHATWG valid e-mail address.
    InvalidEmail,
    /// A JS/JSON type the field does not take (`params.expected` says which it takes).
    WrongType,
    /// A key that is not a field of the API (`params.suggestion` may name the likely one).
    UnknownField,
    /// The input as a whole is not an object.
    NotAnObject,
    /// The text is not JSON (or repeats a key).
    InvalidJson,
    /// Warning: voicemail to email is on while the email address is blank.
    VmToEmailWithoutEmail,
    /// Warning: a live forwarding rule goes to `Voicemail` while voicemail is off.
    ForwardToDisabledVoicemail,
    /// Warning: a live forwarding rule goes to `Extension` whose number is the extension itself.
    ForwardToSelf,
    /// Warning: the login password is 32 hex digits, the MD5 hash the query API returns.
    PasswordLooksHashed,
    /// Warning: simultaneous ringing is on while mobility is off or the mobile number blank.
    RingWithoutMobile,
}

impl Code {
    /// Every error code, in the order SPEC §4 lists them.
    pub const ALL: [Code; 14] = [
        Code::Required,
        Code::RequiredIf,
        Code::Blank,
        Code::TooLong,
        Code::TooShort,
        Code::NotDigits,
        Code::InvalidChars,
        Code::OutOfRange,
        Code::NotAllowedValue,
        Code::InvalidEmail,
        Code::WrongType,
        Code::UnknownField,
        Code::NotAnObject,
        Code::InvalidJson,
    ];

    /// The warning codes (a second channel that never blocks a valid body).
    pub const WARNINGS: [Code; 5] = [
        Code::VmToEmailWithoutEmail,
        Code::ForwardToDisabledVoicemail,
        Code::ForwardToSelf,
        Code::PasswordLooksHashed,
        Code::RingWithoutMobile,
    ];

    /// Whether this is a warning code (never an error's).
    pub fn is_warning(self) -> bool {
        Code::WARNINGS.contains(&self)
    }

    /// The wire spelling, e.g. `"required_if"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::RequiredIf => "required_if",
            Code::Blank => "blank",
            Code::TooLong => "too_long",
            Code::TooShort => "too_short",
            Code::NotDigits => "not_digits",
            Code::InvalidChars => "invalid_chars",
            Code::OutOfRange => "out_of_range",
            Code::NotAllowedValue => "not_allowed_value",
            Code::InvalidEmail => "invalid_email",
            Code::WrongType => "wrong_type",
            Code::UnknownField => "unknown_field",
            Code::NotAnObject => "not_an_object",
            Code::InvalidJson => "invalid_json",
            Code::VmToEmailWithoutEmail => "vmtoemail_without_email",
            Code::ForwardToDisabledVoicemail => "forward_to_disabled_voicemail",
            Code::ForwardToSelf => "forward_to_self",
            Code::PasswordLooksHashed => "password_looks_hashed",
            Code::RingWithoutMobile => "ring_without_mobile",
        }
    }
}

/// The numbers and names a code needs. Only names and limits: never a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// Lower bound (`too_short`: characters; `out_of_range`: value).
    pub min: Option<u64>,
    /// Upper bound (`too_long`: characters; `out_of_range`: value).
    pub max: Option<u64>,
    /// The accepted values, in body spelling (`not_allowed_value`).
    pub allowed: Option<&'static [&'static str]>,
    /// The field whose value made this one required (`required_if`).
    pub because: Option<&'static str>,
    /// The known field name an unknown key most likely meant (`unknown_field`).
    pub suggestion: Option<&'static str>,
    /// The types the field takes (`wrong_type`): `"string"`, `"string or number"`, `"string or boolean"`.
    pub expected: Option<&'static str>,
}

impl Params {
    fn is_empty(&self) -> bool {
        *self == Params::default()
    }
}

/// One error: `{ field, code, message, params? }` on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The wire name of the field, or `""` for the input as a whole.
    pub field: String,
    /// The stable code.
    pub code: Code,
    /// One sentence a form can show as is (English unless `Options::locale` says otherwise).
    pub message: String,
    /// What the code needs (empty params are left out of the JSON).
    pub params: Params,
}

/// A field-level failure before it is given its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fail {
    pub code: Code,
    pub params: Params,
    /// What the sentence needs beyond the params.
    pub hint: Hint,
}

/// The wording a message needs that is not a param.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    None,
    /// `invalid_chars` of a name: letters, digits, spaces.
    Name,
    /// `invalid_chars` of a token: ASCII letters and digits.
    AsciiAlnum,
    /// `invalid_chars` of a password.
    Password,
    /// A JS string with an unpaired UTF-16 surrogate: it cannot be sent as UTF-8.
    LoneSurrogate,
    /// `required_if`: the value of `params.because` that made the field required.
    When(&'static str),
}

impl Fail {
    pub fn new(code: Code) -> Fail {
        Fail { code, params: Params::default(), hint: Hint::None }
    }
    pub fn with(code: Code, params: Params) -> Fail {
        Fail { code, params, hint: Hint::None }
    }
    pub fn chars(hint: Hint) -> Fail {
        Fail { code: Code::InvalidChars, params: Params::default(), hint }
    }

    /// Gives the failure its field and its sentence in `locale`.
    pub fn into_error(self, field: &Field, locale: Locale) -> FieldError {
        let p = &self.params;
        let because = p.because.map_or("", |b| crate::table::field(b).map_or(b, |f| f.label_in(locale)));
        let msg = match (self.code, self.hint) {
            (Code::Required, _) => Msg::Required,
            (Code::RequiredIf, _) => Msg::RequiredIf,
            (Code::Blank, _) => Msg::Blank,
            (Code::TooLong, _) => Msg::TooLong,
            (Code::TooShort, _) => Msg::TooShort,
            (Code::NotDigits, _) => Msg::NotDigits,
            (Code::InvalidChars, Hint::Name) => Msg::CharsName,
            (Code::InvalidChars, Hint::AsciiAlnum) => Msg::CharsAsciiAlnum,
            (Code::InvalidChars, Hint::Password) => Msg::CharsPassword,
            (Code::InvalidChars, _) => Msg::LoneSurrogate,
            (Code::OutOfRange, _) => Msg::OutOfRange,
            (Code::NotAllowedValue, _) => Msg::NotAllowedValue,
            (Code::InvalidEmail, _) => Msg::InvalidEmail,
            (Code::WrongType, _) => match p.expected {
                Some("string or number") => Msg::TypeStringOrNumber,
                Some("string or boolean") => Msg::TypeStringOrBool,
                _ => Msg::TypeString,
            },
            (Code::VmToEmailWithoutEmail, _) => Msg::VmToEmailWithoutEmail,
            (Code::ForwardToDisabledVoicemail, _) => Msg::ForwardToDisabledVoicemail,
            (Code::ForwardToSelf, _) => Msg::ForwardToSelf,
            (Code::PasswordLooksHashed, _) => Msg::PasswordLooksHashed,
            (Code::RingWithoutMobile, _) if p.because == Some("mobile") => Msg::RingWithMobileBlank,
            (Code::RingWithoutMobile, _) => Msg::RingWithMobilityOff,
            // Not about one known field: these have their own builders below (never reached here).
            (Code::UnknownField | Code::NotAnObject | Code::InvalidJson, _) => Msg::Invalid,
        };
        let args = Args {
            label: field.label_in(locale),
            because,
            when: if let Hint::When(v) = self.hint { v } else { "" },
            min: p.min,
            max: p.max,
            allowed: p.allowed.unwrap_or(&[]),
            ..Args::default()
        };
        let message = render(locale, msg, &args, push_displayable);
        FieldError { field: field.name.to_string(), code: self.code, message, params: self.params }
    }
}

impl FieldError {
    /// `unknown_field` for a key that no table row has.
    pub(crate) fn unknown(key: &str, suggestion: Option<&'static str>, locale: Locale) -> FieldError {
        let msg = if suggestion.is_some() { Msg::UnknownWithSuggestion } else { Msg::Unknown };
        let args = Args { key, suggestion: suggestion.unwrap_or(""), ..Args::default() };
        FieldError {
            field: key.to_string(),
            code: Code::UnknownField,
            message: render(locale, msg, &args, push_displayable),
            params: Params { suggestion, ..Params::default() },
        }
    }

    /// `not_an_object`: the input as a whole (`"The input"`) or `options.current` is not a map
    /// of fields.
    pub(crate) fn not_an_object(what: &'static str, locale: Locale) -> FieldError {
        let args = Args { what: messages::what(locale, what), ..Args::default() };
        FieldError {
            field: String::new(),
            code: Code::NotAnObject,
            message: render(locale, Msg::NotAnObject, &args, push_displayable),
            params: Params { expected: Some("object"), ..Params::default() },
        }
    }

    /// `not_an_object` for a batch whose text is not a JSON array.
    pub(crate) fn not_an_array(locale: Locale) -> FieldError {
        FieldError {
            field: String::new(),
            code: Code::NotAnObject,
            message: render(locale, Msg::NotAnArray, &Args::default(), push_displayable),
            params: Params { expected: Some("array"), ..Params::default() },
        }
    }

    /// `invalid_json`, with where the parser stopped (1-based line and column).
    pub(crate) fn invalid_json(reason: &'static str, line: u64, column: u64, locale: Locale) -> FieldError {
        let args = Args { reason: messages::json_reason(locale, reason), line, column, ..Args::default() };
        FieldError {
            field: String::new(),
            code: Code::InvalidJson,
            message: render(locale, Msg::InvalidJson, &args, push_displayable),
            params: Params::default(),
        }
    }

    /// `invalid_json` for a known field given twice (JSON text with a repeated key, or an
    /// [`crate::Input`] built so).
    pub(crate) fn repeated(key: &str, locale: Locale) -> FieldError {
        let args = Args { key, ..Args::default() };
        FieldError {
            field: String::new(),
            code: Code::InvalidJson,
            message: render(locale, Msg::Repeated, &args, push_displayable),
            params: Params::default(),
        }
    }

    /// Appends this error as a compact JSON object.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"field\":");
        write_str(out, &self.field);
        out.push_str(",\"code\":\"");
        out.push_str(self.code.as_str());
        out.push_str("\",\"message\":");
        write_str(out, &self.message);
        if !self.params.is_empty() {
            out.push_str(",\"params\":{");
            let p = &self.params;
            let mut first = true;
            let mut key = |out: &mut String, k: &str| {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push('"');
                out.push_str(k);
                out.push_str("\":");
            };
            if let Some(v) = p.min {
                key(out, "min");
                push_u64(out, v);
            }
            if let Some(v) = p.max {
                key(out, "max");
                push_u64(out, v);
            }
            if let Some(list) = p.allowed {
                key(out, "allowed");
                write_str_array(out, list);
            }
            for (name, v) in [("because", p.because), ("suggestion", p.suggestion), ("expected", p.expected)] {
                if let Some(v) = v {
                    key(out, name);
                    write_str(out, v);
                }
            }
            out.push('}');
        }
        out.push('}');
    }
}

/// Writes errors as a JSON array: the error half of the boundary's answer.
pub fn errors_to_json(errors: &[FieldError]) -> String {
    let mut out = String::with_capacity(96 * errors.len() + 2);
    out.push('[');
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        e.write_json(&mut out);
    }
    out.push(']');
    out
}

/// Appends `["a","b"]`.
pub(crate) fn write_str_array(out: &mut String, list: &[&str]) {
    out.push('[');
    for (i, v) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, v);
    }
    out.push(']');
}

/// Appends a caller's key so that a form can show it: at most 40 characters, then `…`, with
/// control characters and line separators written as `\uXXXX` (a hostile key must not bring
/// megabytes or terminal escapes into a message).
pub(crate) fn push_displayable(out: &mut String, key: &str) {
    const SHOWN: usize = 40;
    for (i, c) in key.chars().enumerate() {
        if i == SHOWN {
            out.push('…');
            break;
        }
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            crate::json::push_u_escape(out, c as u32);
        } else {
            out.push(c);
        }
    }
}

/// Appends a decimal number without `core::fmt` (it weighs kilobytes in wasm).
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or(&[]) {
        out.push(b as char);
    }
}
