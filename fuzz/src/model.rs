//! Value pools for generated inputs, shared by the fuzz targets and `tests/properties.rs`
//! (included there with `#[path]`): plain functions of small numbers, so that libFuzzer's
//! `arbitrary` and proptest's strategies draw from the same pools. Valid values make accepted
//! bodies frequent; invalid ones hit every code; secrets carry [`MARK`](crate::check::MARK).
#![allow(dead_code)]

use yeastar_extension_update::table::{Kind, FIELDS};
use yeastar_extension_update::Value;

use super::check::{MARK, MAX_SAFE};

/// Characters the password rule forbids, and their neighbours in the ASCII table.
pub const FORBIDDEN: &[char] = &[
    ';', '&', '"', '\'', '`', '\\', '<', '>', '|', ' ', '\t', '\n', '\r', '\u{0}', '\u{7f}', '\u{85}', '\u{a0}',
    '\u{2028}', '\u{feff}', '\u{3000}',
];

/// White space JavaScript trims (and one it does not: U+0085).
pub const SPACES: &[&str] = &[" ", "\t", "\n", "\u{a0}", "\u{feff}", "\u{3000}", "\u{2028}", "\u{85}", ""];

/// The `n`-th item, wrapping (lists are never empty).
fn pick<'a>(list: &[&'a str], n: u32) -> &'a str {
    list.get(n as usize % list.len().max(1)).copied().unwrap_or("")
}

/// The field of a table index (wrapping).
pub fn field_name(n: u32) -> &'static str {
    FIELDS.get(n as usize % FIELDS.len()).map_or("extid", |f| f.name)
}

/// A key: a field name, a near miss of one (one edit), `moblie`, or `other`.
pub fn key(kind: u8, n: u32, other: &str) -> String {
    let name = field_name(n);
    match kind % 6 {
        0..=2 => name.to_string(),
        3 => {
            // One edit: drop, double or upper-case a character.
            let chars: Vec<char> = name.chars().collect();
            let at = (n as usize / FIELDS.len()) % chars.len().max(1);
            let mut out = String::new();
            for (i, c) in chars.iter().enumerate() {
                match (i == at, n % 3) {
                    (true, 0) => {}
                    (true, 1) => {
                        out.push(*c);
                        out.push(*c);
                    }
                    (true, _) => out.push(c.to_ascii_uppercase()),
                    (false, _) => out.push(*c),
                }
            }
            out
        }
        4 => "moblie".to_string(),
        _ => other.to_string(),
    }
}

/// A value the field accepts (in some input form: padded, other letter case, number, bool).
pub fn good(field: &str, n: u32) -> Value<'static> {
    let Some(f) = FIELDS.iter().find(|f| f.name == field) else { return Value::from(format!("{MARK}{n}")) };
    let text = |s: &str| Value::from(s.to_string());
    match f.kind {
        Kind::ExtensionNumber => match n % 5 {
            0 => Value::Number(Some(u64::from(n % 100_000))),
            1 => text("1002"),
            2 => text(" 0123 "),
            3 if f.blank_allowed() => text(""),
            _ => text(&"9".repeat(1 + n as usize % 31)),
        },
        Kind::Name => text(pick(&["Ina Tang", "", " Amy ", "Łukasz 2", "名前", "e\u{301}", "Ωμέγα", "  "], n)),
        Kind::Token => text(pick(&["reg1002", "A", " abc ", "Z9"], n)),
        Kind::Secret => {
            let base = match n % 4 {
                0 => format!("{MARK}!#$%"),
                1 => format!("{MARK}x"),
                2 => format!("é{MARK}@"),
                _ => format!("{MARK}{MARK}"),
            };
            Value::from(base)
        }
        Kind::SecretDigits => text(pick(&["", "1234", "000000", "98765432109876543210"], n)),
        Kind::Integer => match n % 4 {
            0 => Value::Number(Some(1 + u64::from(n % 5))),
            1 => text("03"),
            2 => text(" 5 "),
            _ => text("1"),
        },
        Kind::Email => text(pick(&["", "a@b.cd", "ina.tang@example.com", " x+y@a-b.c ", "a@b"], n)),
        Kind::Digits => {
            let max = f.max_length().unwrap_or(7) as usize;
            text(&"5".repeat(n as usize % (max + 1)))
        }
        Kind::Switch => match n % 4 {
            0 => Value::Bool(n % 8 < 4),
            1 => text("on"),
            2 => text("OFF"),
            _ => text(" On "),
        },
        Kind::Destination | Kind::Enum => {
            let choices = f.choices().map_or(&[][..], |c| c.values);
            let v = pick(choices, n).to_string();
            match (n / 7) % 4 {
                0 => Value::from(v.to_ascii_lowercase()),
                1 => Value::from(v.to_ascii_uppercase()),
                2 if field == "ringtimeout" || field == "maxduration" => {
                    v.parse::<u64>().map_or(Value::from(v.clone()), |x| Value::Number(Some(x)))
                }
                _ if field == "monitormode" && matches!(n % 11, 0) => text("disable"),
                _ => Value::from(v),
            }
        }
    }
}

/// A value the field refuses, or a value of an odd type. Secrets get the marker next to a
/// forbidden character, or too many characters, or too few.
pub fn bad(field: &str, n: u32) -> Value<'static> {
    let secret = FIELDS.iter().any(|f| f.name == field && f.secret);
    if secret {
        let c = FORBIDDEN.get(n as usize % FORBIDDEN.len()).copied().unwrap_or(';');
        return Value::from(match n % 5 {
            0 => format!("{MARK}{c}"),
            1 => format!("{c}{MARK}"),
            2 => MARK.repeat(2 + n as usize % 9),
            3 => format!("{MARK}{c}{MARK}"),
            _ => format!(" {MARK} "),
        });
    }
    match n % 14 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => Value::Number(None),
        3 => Value::Number(Some(MAX_SAFE)),
        4 => Value::Nested,
        5 => Value::BrokenStr,
        6 => Value::from("12a"),
        7 => Value::from(" "),
        8 => Value::from("x".repeat(32 + n as usize % 300)),
        9 => Value::from("maybe"),
        10 => Value::from("1".repeat(32 + n as usize % 40)),
        11 => Value::from(format!("{MARK}!")),
        12 => Value::from("99999999999999999999999"),
        _ => Value::from("a@@b"),
    }
}

/// Any value: `Null`, a boolean, a number (safe or not), a string, a broken string, nested.
pub fn any(kind: u8, n: u64, text: &str) -> Value<'static> {
    match kind % 8 {
        0 => Value::Null,
        1 => Value::Bool(n & 1 == 0),
        2 => Value::Number(Some(n % (MAX_SAFE + 1))),
        3 => Value::Number(None),
        4 => Value::BrokenStr,
        5 => Value::Nested,
        6 => Value::from(format!("{MARK}{text}")),
        _ => Value::from(text.to_string()),
    }
}
