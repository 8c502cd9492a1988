//! Rule kinds: small pure checks, one concern each.
//!
//! A rule sees the value as text (already trimmed unless the field is a secret) and either
//! passes it on, possibly normalised (`OneOf` gives the vendor's spelling, `Range` the canonical
//! decimal), or fails with a code. A missing value never reaches a rule: it passes all of them
//! but [`Rule::Required`], which [`crate::validate`] checks before the others.
//!
//! ```
//! use yeastar_extension_update::rules::Rule;
//! use yeastar_extension_update::Code;
//! assert!(Rule::Digits.check("0123".into()).is_ok());
//! assert_eq!(Rule::Digits.check("12a".into()).unwrap_err(), Code::NotDigits);
//! ```

use std::borrow::Cow;

use crate::error::{Code, Fail, Hint, Params};
use crate::table::Choices;

/// One check of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Must be present (checked on absence, before any other rule).
    Required,
    /// Must not be empty after trimming → `blank`.
    NotBlank,
    /// ASCII `0-9` only → `not_digits`.
    Digits,
    /// Letters of any script with their combining marks, ASCII digits, spaces → `invalid_chars`.
    NameChars,
    /// ASCII letters and digits → `invalid_chars`.
    AsciiAlnum,
    /// None of `; & " ' ` \ < > |`, no white space, no control character → `invalid_chars`.
    PasswordChars,
    /// Length in characters (Unicode scalar values) → `too_short` / `too_long`.
    Length {
        /// Fewest characters.
        min: u32,
        /// Most characters.
        max: u32,
    },
    /// A decimal integer in `min..=max` (after `Digits`) → `out_of_range`; gives the canonical decimal.
    Range {
        /// Smallest value.
        min: u64,
        /// Largest value.
        max: u64,
    },
    /// WHATWG valid e-mail address, or blank → `invalid_email`.
    Email,
    /// One of the values, any letter case, or an alias → `not_allowed_value`; gives the vendor's spelling.
    OneOf(&'static Choices),
}

impl Rule {
    /// Runs the rule; returns the (possibly normalised) value or the failure's code.
    pub fn check<'a>(&self, value: Cow<'a, str>) -> Result<Cow<'a, str>, Code> {
        self.apply(value).map_err(|f| f.code)
    }

    pub(crate) fn apply<'a>(&self, value: Cow<'a, str>) -> Result<Cow<'a, str>, Fail> {
        let s: &str = &value;
        match *self {
            Rule::Required => {}
            Rule::NotBlank if js_trim(s).is_empty() => return Err(Fail::new(Code::Blank)),
            Rule::NotBlank => {}
            Rule::Digits if !s.bytes().all(|b| b.is_ascii_digit()) => return Err(Fail::new(Code::NotDigits)),
            Rule::Digits => {}
            Rule::NameChars if !s.chars().all(|c| c == ' ' || c.is_ascii_digit() || is_letter_or_mark(c)) => {
                return Err(Fail::chars(Hint::Name))
            }
            Rule::NameChars => {}
            Rule::AsciiAlnum if !s.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                return Err(Fail::chars(Hint::AsciiAlnum))
            }
            Rule::AsciiAlnum => {}
            Rule::PasswordChars if s.chars().any(is_forbidden_in_password) => return Err(Fail::chars(Hint::Password)),
            Rule::PasswordChars => {}
            Rule::Length { min, max } => {
                // Bytes bound characters from above: count characters only when it can matter.
                if s.len() > max as usize && s.chars().count() > max as usize {
                    return Err(Fail::with(Code::TooLong, Params { max: Some(max.into()), ..Params::default() }));
                }
                if min > 0 && s.chars().count() < min as usize {
                    return Err(Fail::with(Code::TooShort, Params { min: Some(min.into()), ..Params::default() }));
                }
            }
            Rule::Range { min, max } => {
                // Runs after Digits: `s` is ASCII digits. Leading zeros do not change the value.
                let digits = s.trim_start_matches('0');
                let n = digits
                    .bytes()
                    .try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add(u64::from(char::from(b).to_digit(10)?)))
                    .unwrap_or(u64::MAX);
                if n < min || n > max {
                    let params = Params { min: Some(min), max: Some(max), ..Params::default() };
                    return Err(Fail::with(Code::OutOfRange, params));
                }
                if digits.len() != s.len() {
                    // "03" → "3": the body carries the number, not its spelling.
                    let mut canonical = String::new();
                    crate::error::push_u64(&mut canonical, n);
                    return Ok(Cow::Owned(canonical));
                }
            }
            Rule::Email if !s.is_empty() && !is_email(s) => return Err(Fail::new(Code::InvalidEmail)),
            Rule::Email => {}
            Rule::OneOf(choices) => {
                if let Some(v) = choices.values.iter().find(|v| v.eq_ignore_ascii_case(s)) {
                    return Ok(if *v == s { value } else { Cow::Borrowed(v) });
                }
                if let Some((_, v)) = choices.aliases.iter().find(|(a, _)| a.eq_ignore_ascii_case(s)) {
                    return Ok(Cow::Borrowed(v));
                }
                let params = Params { allowed: Some(choices.values), ..Params::default() };
                return Err(Fail::with(Code::NotAllowedValue, params));
            }
        }
        Ok(value)
    }
}

/// White space as JavaScript's `String.prototype.trim` and regex `\s` see it (WhiteSpace and
/// LineTerminator): users compare us with JS libraries. Unlike Rust's `char::is_whitespace`
/// it includes U+FEFF and excludes U+0085 (which is a control character anyway).
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
            | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// Trims as JavaScript's `String.prototype.trim` does.
pub fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// The forbidden password characters (SPEC §2): the union of the two lists the vendor
/// published, any white space and any control character (General Category Cc).
pub fn is_forbidden_in_password(c: char) -> bool {
    matches!(c, ';' | '&' | '"' | '\'' | '`' | '\\' | '<' | '>' | '|') || is_js_space(c) || c.is_control()
}

/// General Category L (letters) or M (combining marks), from the generated table.
pub fn is_letter_or_mark(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let cp = c as u32;
    match u16::try_from(cp) {
        Ok(cp) => in_ranges(&crate::unicode::BMP, cp),
        Err(_) => in_ranges(&crate::unicode::ASTRAL, cp),
    }
}

/// Binary search in sorted, disjoint, inclusive ranges.
fn in_ranges<T: Copy + Ord>(table: &[(T, T)], x: T) -> bool {
    // Index of the first range that ends at or after x.
    let i = table.partition_point(|&(_, end)| end < x);
    table.get(i).is_some_and(|&(start, _)| start <= x)
}

/// The WHATWG "valid e-mail address": `local@label(.label)*` where local is 1+ of
/// `A-Za-z0-9.!#$%&'*+/=?^_`{|}~-` and each label is 1–63 of `A-Za-z0-9-`, not starting or
/// ending with `-`. It is the pattern of `<input type=email>`, written out by hand.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
    local_ok
        && domain.split('.').all(|label| {
            let bytes = label.as_bytes();
            (1..=63).contains(&bytes.len())
                && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
                && bytes.first() != Some(&b'-')
                && bytes.last() != Some(&b'-')
        })
}
