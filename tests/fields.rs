//! Table-driven field tests: for every row of the rule table, values that pass (with the value
//! the body must carry) and values that fail (with their exact code).
//!
//! Values are JSON texts, so the same cases cover strings, numbers, booleans, nested values and
//! escapes (`"\ud800"` is a lone surrogate).

use std::collections::BTreeSet;

use yeastar_extension_update::table::{Kind, FIELDS};
use yeastar_extension_update::{validate_field_json, validate_json, Code, Options};

/// A case: field, JSON value, expected body value or code.
type Case = (&'static str, String, Result<String, Code>);

fn ok(field: &'static str, json: &str, body: &str) -> Case {
    (field, json.to_string(), Ok(body.to_string()))
}
fn bad(field: &'static str, json: &str, code: Code) -> Case {
    (field, json.to_string(), Err(code))
}
fn s(text: &str) -> String {
    let mut out = String::from("\"");
    out.push_str(text);
    out.push('"');
    out
}

/// Other fields a case needs so that cross-field rules stay quiet in the whole-body check.
fn context(field: &str) -> &'static str {
    match field {
        "atransferto" => r#","alwaysforward":"off""#,
        "ntransferto" => r#","noanswerforward":"off""#,
        "btransferto" => r#","busyforward":"off""#,
        "enablemobile" => r#","mobile":"5550100""#,
        _ => "",
    }
}

fn run(cases: &[Case]) -> BTreeSet<(&'static str, bool)> {
    let mut seen = BTreeSet::new();
    for (field, json, expected) in cases {
        let whole = if *field == "extid" {
            format!("{{\"extid\":{json}}}")
        } else {
            format!("{{\"extid\":\"1\",\"{field}\":{json}{}}}", context(field))
        };
        let single = validate_field_json(field, json, &Options::default());
        let result = validate_json(&whole, &Options::default());
        match expected {
            Ok(body_value) => {
                assert!(single.is_empty(), "{field} = {json}: expected to pass, got {single:?}");
                let body = result.unwrap_or_else(|e| panic!("{field} = {json}: expected a body, got {e:?}"));
                let v: serde_like::Map = serde_like::parse(body.as_str());
                assert_eq!(v.get(*field).map(String::as_str), Some(body_value.as_str()), "{field} = {json}: body {}", body.as_str());
                seen.insert((*field, true));
            }
            Err(code) => {
                assert_eq!(single.len(), 1, "{field} = {json}: expected one error, got {single:?}");
                assert_eq!((single[0].field.as_str(), single[0].code), (*field, *code), "{field} = {json}: {single:?}");
                let errors = result.expect_err(&format!("{field} = {json}: expected errors"));
                let mine: Vec<_> = errors.iter().filter(|e| e.field == *field).collect();
                assert_eq!(mine.len(), 1, "{field} = {json}: {errors:?}");
                assert_eq!(mine[0].code, *code, "{field} = {json}: {errors:?}");
                assert!(!mine[0].message.is_empty());
                seen.insert((*field, false));
            }
        }
    }
    seen
}

/// A tiny reader for the flat string-valued body (the tests keep the crate dependency-free;
/// the wire tests check the exact bytes).
mod serde_like {
    pub type Map = std::collections::BTreeMap<String, String>;
    pub fn parse(body: &str) -> Map {
        let input = yeastar_extension_update::Input::parse_json(body).expect("body is JSON");
        input
            .entries
            .into_iter()
            .map(|(k, v)| match v {
                yeastar_extension_update::Value::Str(s) => (k.into_owned(), s.into_owned()),
                other => panic!("body value of {k} is not a string: {other:?}"),
            })
            .collect()
    }
}

fn extension_number_cases(field: &'static str, blank_ok: bool) -> Vec<Case> {
    let mut c = vec![
        ok(field, &s("1002"), "1002"),
        ok(field, &s(" 1002 "), "1002"),
        ok(field, &s("0012"), "0012"),
        ok(field, "1002", "1002"),
        ok(field, "0", "0"),
        ok(field, "-0", "0"),
        ok(field, "1.0e3", "1000"),
        ok(field, "9007199254740991", "9007199254740991"),
        ok(field, &s(&"9".repeat(31)), &"9".repeat(31)),
        bad(field, &s("12a"), Code::NotDigits),
        bad(field, &s("-1"), Code::NotDigits),
        bad(field, &s("１２"), Code::NotDigits),
        bad(field, &s("10 02"), Code::NotDigits),
        bad(field, &s(&"1".repeat(32)), Code::TooLong),
        bad(field, "1.5", Code::WrongType),
        bad(field, "-1", Code::WrongType),
        bad(field, "1e21", Code::WrongType),
        bad(field, "9007199254740992", Code::WrongType),
        bad(field, "true", Code::WrongType),
        bad(field, "{}", Code::WrongType),
        bad(field, "[]", Code::WrongType),
        bad(field, &s("\\ud800"), Code::InvalidChars),
    ];
    if blank_ok {
        c.push(ok(field, &s(""), ""));
        c.push(ok(field, &s("  "), ""));
    } else {
        c.push(bad(field, &s(""), Code::Blank));
        c.push(bad(field, &s(" \\t "), Code::Blank));
    }
    c
}

fn name_cases(field: &'static str) -> Vec<Case> {
    vec![
        ok(field, &s("Amy"), "Amy"),
        ok(field, &s("Ina Tang"), "Ina Tang"),
        ok(field, &s("  Amy  "), "Amy"),
        ok(field, &s(""), ""),
        ok(field, &s("Agent 007"), "Agent 007"),
        ok(field, &s("José Zoë"), "José Zoë"),
        ok(field, &s("Zoe\u{308}"), "Zoe\u{308}"),
        ok(field, &s("张伟"), "张伟"),
        ok(field, &s("Владимир"), "Владимир"),
        ok(field, &s("محمد"), "محمد"),
        ok(field, &s("हिन्दी"), "हिन्दी"),
        ok(field, &s(&"张".repeat(31)), &"张".repeat(31)),
        bad(field, &s(&"张".repeat(32)), Code::TooLong),
        bad(field, &s(&"a".repeat(32)), Code::TooLong),
        bad(field, &s("Amy!"), Code::InvalidChars),
        bad(field, &s("a_b"), Code::InvalidChars),
        bad(field, &s("a\\tb"), Code::InvalidChars),
        bad(field, &s("Ⅻ"), Code::InvalidChars),
        bad(field, &s("Ⓐ"), Code::InvalidChars),
        bad(field, &s("😀"), Code::InvalidChars),
        bad(field, &s("٣"), Code::InvalidChars),
        bad(field, &s("a\\ud83d"), Code::InvalidChars),
        bad(field, "12", Code::WrongType),
        bad(field, "false", Code::WrongType),
    ]
}

fn digits_cases(field: &'static str, max: usize, secret: bool) -> Vec<Case> {
    let mut c = vec![
        ok(field, &s(""), ""),
        ok(field, &s("0123"), "0123"),
        ok(field, &s(&"7".repeat(max)), &"7".repeat(max)),
        bad(field, &s(&"7".repeat(max + 1)), Code::TooLong),
        bad(field, &s("12a"), Code::NotDigits),
        bad(field, &s("+8613800000000"), Code::NotDigits),
        bad(field, &s("12 34"), Code::NotDigits),
        bad(field, "123", Code::WrongType),
        bad(field, "true", Code::WrongType),
    ];
    if secret {
        // Secrets are never trimmed: surrounding spaces are part of the value.
        c.push(bad(field, &s(" 123"), Code::NotDigits));
    } else {
        c.push(ok(field, &s(" 123 "), "123"));
    }
    c
}

fn switch_cases(field: &'static str) -> Vec<Case> {
    vec![
        ok(field, &s("on"), "on"),
        ok(field, &s("off"), "off"),
        ok(field, &s("ON"), "on"),
        ok(field, &s("Off"), "off"),
        ok(field, &s(" on "), "on"),
        ok(field, "true", "on"),
        ok(field, "false", "off"),
        bad(field, &s("yes"), Code::NotAllowedValue),
        bad(field, &s(""), Code::NotAllowedValue),
        bad(field, &s("o n"), Code::NotAllowedValue),
        bad(field, "1", Code::WrongType),
        bad(field, "{}", Code::WrongType),
    ]
}

fn destination_cases(field: &'static str) -> Vec<Case> {
    vec![
        ok(field, &s("Voicemail"), "Voicemail"),
        ok(field, &s("extension"), "Extension"),
        ok(field, &s("mobile number"), "Mobile Number"),
        ok(field, &s("CUSTOM NUMBER"), "Custom Number"),
        ok(field, &s(" Voicemail "), "Voicemail"),
        bad(field, &s("Phone"), Code::NotAllowedValue),
        bad(field, &s("MobileNumber"), Code::NotAllowedValue),
        bad(field, &s(""), Code::NotAllowedValue),
        bad(field, "1", Code::WrongType),
        bad(field, "true", Code::WrongType),
    ]
}

fn secret_cases(field: &'static str, min: usize, max: usize) -> Vec<Case> {
    let mut c = vec![
        ok(field, &s("xMn5W4Gs"), "xMn5W4Gs"),
        ok(field, &s("p@ss!#$%^*()"), "p@ss!#$%^*()"),
        ok(field, &s("密码密码密码"), "密码密码密码"),
        ok(field, &s(&"x".repeat(max)), &"x".repeat(max)),
        bad(field, &s(&"x".repeat(max + 1)), Code::TooLong),
        bad(field, &s("abc def"), Code::InvalidChars),
        bad(field, &s(" abcdefg"), Code::InvalidChars),
        bad(field, &s("abcdefg\\t"), Code::InvalidChars),
        bad(field, &s("abcdefg\\u0001"), Code::InvalidChars),
        bad(field, &s("abcdefg\\u007f"), Code::InvalidChars),
        bad(field, &s("abcdefg\\u0085"), Code::InvalidChars),
        bad(field, &s("abcdefg\\u00a0"), Code::InvalidChars),
        bad(field, &s("abcdefg\\u3000"), Code::InvalidChars),
        bad(field, "123456", Code::WrongType),
    ];
    for ch in [";", "&", "\\\"", "'", "`", "\\\\", "<", ">", "|"] {
        c.push(bad(field, &s(&format!("abcdef{ch}")), Code::InvalidChars));
    }
    if min > 1 {
        c.push(bad(field, &s(""), Code::TooShort));
        c.push(bad(field, &s(&"x".repeat(min - 1)), Code::TooShort));
        c.push(ok(field, &s(&"x".repeat(min)), &"x".repeat(min)));
    } else {
        c.push(bad(field, &s(""), Code::Blank));
        c.push(bad(field, &s("   "), Code::Blank));
        c.push(ok(field, &s("x"), "x"));
    }
    c
}

fn cases_for(field: &'static str) -> Vec<Case> {
    match field {
        "extid" => extension_number_cases(field, false),
        "extnumber" => extension_number_cases(field, false),
        "username" | "callerid" => name_cases(field),
        "registername" => vec![
            ok(field, &s("1000"), "1000"),
            ok(field, &s("abcXYZ09"), "abcXYZ09"),
            ok(field, &s(" ab "), "ab"),
            ok(field, &s(&"a".repeat(31)), &"a".repeat(31)),
            bad(field, &s(""), Code::Blank),
            bad(field, &s("a b"), Code::InvalidChars),
            bad(field, &s("é"), Code::InvalidChars),
            bad(field, &s("a-b"), Code::InvalidChars),
            bad(field, &s(&"a".repeat(32)), Code::TooLong),
            bad(field, "1000", Code::WrongType),
        ],
        "registerpassword" => secret_cases(field, 1, 31),
        "loginpassword" => secret_cases(field, 6, 63),
        "maxregistrations" => vec![
            ok(field, &s("1"), "1"),
            ok(field, &s("5"), "5"),
            ok(field, "3", "3"),
            ok(field, &s("03"), "3"),
            ok(field, &s(" 2 "), "2"),
            bad(field, &s("0"), Code::OutOfRange),
            bad(field, &s("6"), Code::OutOfRange),
            bad(field, "6", Code::OutOfRange),
            bad(field, "0", Code::OutOfRange),
            bad(field, &s("99999999999999999999999"), Code::OutOfRange),
            bad(field, &s(""), Code::Blank),
            bad(field, &s("a"), Code::NotDigits),
            bad(field, &s("1.5"), Code::NotDigits),
            bad(field, "1.5", Code::WrongType),
            bad(field, "-1", Code::WrongType),
            bad(field, "true", Code::WrongType),
        ],
        "email" => vec![
            ok(field, &s("apple@yeastar.com"), "apple@yeastar.com"),
            ok(field, &s(""), ""),
            ok(field, &s(" a@b "), "a@b"),
            ok(field, &s("a.b+c_d@x-y.example.org"), "a.b+c_d@x-y.example.org"),
            ok(field, &s("!#$%&'*+/=?^_`{|}~-@example.com"), "!#$%&'*+/=?^_`{|}~-@example.com"),
            bad(field, &s("apple"), Code::InvalidEmail),
            bad(field, &s("a@"), Code::InvalidEmail),
            bad(field, &s("@b.com"), Code::InvalidEmail),
            bad(field, &s("a@b..com"), Code::InvalidEmail),
            bad(field, &s("a@b.com."), Code::InvalidEmail),
            bad(field, &s("a@-b.com"), Code::InvalidEmail),
            bad(field, &s("a@b-.com"), Code::InvalidEmail),
            bad(field, &s("a b@c.d"), Code::InvalidEmail),
            bad(field, &s("a@b_c.com"), Code::InvalidEmail),
            bad(field, &s("a@b@c.com"), Code::InvalidEmail),
            bad(field, &s("é@x.com"), Code::InvalidEmail),
            bad(field, &s(&format!("a@{}.com", "b".repeat(64))), Code::InvalidEmail),
            bad(field, &s(&format!("a@{}.com", vec!["b".repeat(63); 4].join("."))), Code::TooLong),
            bad(field, "1", Code::WrongType),
        ],
        "mobile" | "agentid" => digits_cases(field, 31, false),
        "vmsecret" => digits_cases(field, 63, true),
        "atransferprefix" | "ntransferprefix" | "btransferprefix" | "mobileprefix" => digits_cases(field, 7, false),
        "atransfernum" | "ntransfernum" | "btransfernum" => digits_cases(field, 15, false),
        "atransferext" | "ntransferext" | "btransferext" => extension_number_cases(field, true),
        "atransferto" | "ntransferto" | "btransferto" => destination_cases(field),
        "monitormode" => vec![
            ok(field, &s("Disabled"), "Disabled"),
            ok(field, &s("Disable"), "Disabled"),
            ok(field, &s("disable"), "Disabled"),
            ok(field, &s("extensive"), "Extensive"),
            ok(field, &s("LISTEN"), "Listen"),
            ok(field, &s("whisper"), "Whisper"),
            ok(field, &s("barge-in"), "Barge-in"),
            bad(field, &s("Barge in"), Code::NotAllowedValue),
            bad(field, &s("off"), Code::NotAllowedValue),
            bad(field, "false", Code::WrongType),
        ],
        "ringtimeout" => vec![
            ok(field, "30", "30"),
            ok(field, &s("15"), "15"),
            ok(field, &s(" 300 "), "300"),
            ok(field, "120", "120"),
            ok(field, "60", "60"),
            bad(field, "45", Code::NotAllowedValue),
            bad(field, &s("030"), Code::NotAllowedValue),
            bad(field, &s("30s"), Code::NotAllowedValue),
            bad(field, "30.5", Code::WrongType),
            bad(field, "true", Code::WrongType),
        ],
        "maxduration" => vec![
            ok(field, &s("follow system"), "Follow System"),
            ok(field, &s("UNLIMITED"), "Unlimited"),
            ok(field, "6000", "6000"),
            ok(field, &s("1800"), "1800"),
            bad(field, "7000", Code::NotAllowedValue),
            bad(field, &s("Follow"), Code::NotAllowedValue),
            bad(field, "-60", Code::WrongType),
        ],
        other => {
            let f = FIELDS.iter().find(|f| f.name == other).expect("a table row");
            assert_eq!(f.kind, Kind::Switch, "no cases written for {other}");
            switch_cases(f.name)
        }
    }
}

#[test]
fn every_field_has_passing_and_failing_cases() {
    let mut seen = BTreeSet::new();
    for f in &FIELDS {
        seen.extend(run(&cases_for(f.name)));
    }
    for f in &FIELDS {
        assert!(seen.contains(&(f.name, true)), "{}: no passing case", f.name);
        assert!(seen.contains(&(f.name, false)), "{}: no failing case", f.name);
    }
    assert_eq!(FIELDS.len(), 38);
}

#[test]
fn null_means_not_given() {
    for f in FIELDS.iter().skip(1) {
        let body = validate_json(&format!("{{\"extid\":\"1\",\"{}\":null}}", f.name), &Options::default()).unwrap();
        assert_eq!(body.as_str(), r#"{"extid":"1"}"#, "{}", f.name);
        assert!(validate_field_json(f.name, "null", &Options::default()).is_empty());
    }
    let errors = validate_field_json("extid", "null", &Options::default());
    assert_eq!(errors[0].code, Code::Required);
}

#[test]
fn types_that_are_never_a_field_value() {
    for f in &FIELDS {
        for json in ["{}", "[]", "[1]", "{\"a\":1}", "1.5", "-3"] {
            let errors = validate_field_json(f.name, json, &Options::default());
            assert_eq!(errors.len(), 1, "{} = {json}", f.name);
            assert_eq!(errors[0].code, Code::WrongType, "{} = {json}", f.name);
            assert!(errors[0].params.expected.is_some());
        }
    }
    // Numbers only where SPEC says so: a phone number as a number would lose leading zeros.
    let takes_numbers: Vec<_> = FIELDS
        .iter()
        .filter(|f| validate_field_json(f.name, "1", &Options::default()).iter().all(|e| e.code != Code::WrongType))
        .map(|f| f.name)
        .collect();
    assert_eq!(
        takes_numbers,
        ["extid", "extnumber", "maxregistrations", "atransferext", "ntransferext", "btransferext", "ringtimeout", "maxduration"]
    );
}

#[test]
fn name_lookup_finds_every_row_and_nothing_else() {
    use yeastar_extension_update::table::index_of;
    for (i, f) in FIELDS.iter().enumerate() {
        assert_eq!(index_of(f.name), Some(i));
        // Same length and same first/middle/last bytes as a name, but not a name.
        let mut near = f.name.as_bytes().to_vec();
        if near.len() > 3 {
            near[1] = if near[1] == b'x' { b'y' } else { b'x' };
            let near = String::from_utf8(near).unwrap();
            assert_eq!(index_of(&near), None, "{near}");
        }
    }
    for key in ["", "e", "EXTID", "extid ", "moblie", "allowbeingmonitored2", &"x".repeat(1 << 20)] {
        assert_eq!(index_of(key), None, "{key:.20}");
    }
}
