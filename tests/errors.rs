//! Errors as a whole (SPEC §4): order, one per field, whole-input errors, unknown keys and
//! their suggestions, hostile text, and no secret in any message or param.

use yeastar_extension_update::table::FIELDS;
use yeastar_extension_update::{errors_to_json, suggest, validate_json, Code, FieldError, Options};

fn errors(json: &str) -> Vec<FieldError> {
    validate_json(json, &Options::default()).expect_err(json)
}

fn fields_and_codes(e: &[FieldError]) -> Vec<(&str, Code)> {
    e.iter().map(|e| (e.field.as_str(), e.code)).collect()
}

#[test]
fn all_errors_in_table_order_then_unknown_keys_in_input_order() {
    let e = errors(r#"{"zzz":1,"dnd":"maybe","mobile":"x","extid":"","moblie":"1","enablemobile":"on","username":"a!"}"#);
    assert_eq!(
        fields_and_codes(&e),
        [
            ("extid", Code::Blank),
            ("username", Code::InvalidChars),
            ("mobile", Code::NotDigits),
            ("dnd", Code::NotAllowedValue),
            ("zzz", Code::UnknownField),
            ("moblie", Code::UnknownField),
        ]
    );
}

#[test]
fn missing_extid_is_required() {
    let e = errors(r#"{"username":"Amy"}"#);
    assert_eq!(fields_and_codes(&e), [("extid", Code::Required)]);
    assert_eq!(e[0].message, "Extension number is required.");
    assert_eq!(fields_and_codes(&errors("{}")), [("extid", Code::Required)]);
    assert_eq!(fields_and_codes(&errors(r#"{"extid":null}"#)), [("extid", Code::Required)]);
}

#[test]
fn whole_input_errors() {
    for text in ["[]", "\"x\"", "1", "null", "true", "[{\"extid\":\"1\"}]"] {
        let e = errors(text);
        assert_eq!(fields_and_codes(&e), [("", Code::NotAnObject)], "{text}");
        assert_eq!(e[0].params.expected, Some("object"));
    }
    for text in ["", " ", "{", "{\"extid\":\"1\"", "{\"extid\":\"1\",}", "{'extid':'1'}", "{\"extid\":01}", "\u{feff}{}", "{} {}",
        "{\"extid\":\"1\" /* c */}", "{\"a\":tru}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":[1,]}", "{\"a\":{\"b\"}}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}", "NaN"]
    {
        let e = errors(text);
        assert_eq!(fields_and_codes(&e), [("", Code::InvalidJson)], "{text:?}");
        assert!(e[0].message.starts_with("The text is not valid JSON: "), "{}", e[0].message);
    }
    let e = errors("{\n  \"extid\": \"1\",\n  oops\n}");
    assert_eq!(e[0].message, "The text is not valid JSON: expected a key in double quotes (line 3, column 3).");
}

#[test]
fn a_repeated_field_is_refused_not_silently_merged() {
    let e = errors(r#"{"extid":"1","username":"a","username":"b"}"#);
    assert_eq!(fields_and_codes(&e), [("", Code::InvalidJson)]);
    assert_eq!(e[0].message, "The field \"username\" is given more than once.");
    // Repeated unknown keys are reported once.
    let e = errors(r#"{"extid":"1","x":1,"y":2,"x":3}"#);
    assert_eq!(fields_and_codes(&e), [("x", Code::UnknownField), ("y", Code::UnknownField)]);
}

#[test]
fn unknown_field_suggestions() {
    let cases = [
        ("moblie", Some("mobile")),
        ("ExtID", Some("extid")),
        ("user_name", Some("username")),
        ("callerID", Some("callerid")),
        ("ringtimout", Some("ringtimeout")),
        ("emial", Some("email")),
        ("dnd2", Some("dnd")),
        ("status", None),
        ("language", None),
        ("__proto__", None),
        ("", None),
    ];
    for (key, expected) in cases {
        assert_eq!(suggest(key), expected, "{key}");
    }
    let e = errors(r#"{"extid":"1","moblie":"1","__proto__":{"x":1}}"#);
    assert_eq!(fields_and_codes(&e), [("moblie", Code::UnknownField), ("__proto__", Code::UnknownField)]);
    assert_eq!(e[0].params.suggestion, Some("mobile"));
    assert_eq!(e[0].message, "\"moblie\" is not a field of the extension update API. Did you mean \"mobile\"?");
    assert_eq!(e[1].params.suggestion, None);
}

#[test]
fn messages_and_params() {
    let e = errors(r#"{"extid":"1","username":"abcdefghijklmnopqrstuvwxyzabcdef","maxregistrations":9,"loginpassword":"abc","dnd":"x","extnumber":true}"#);
    let by = |f: &str| e.iter().find(|e| e.field == f).unwrap();
    assert_eq!(by("username").message, "Name can be at most 31 characters long.");
    assert_eq!(by("username").params.max, Some(31));
    assert_eq!(by("maxregistrations").message, "Concurrent registrations must be a number from 1 to 5.");
    assert_eq!((by("maxregistrations").params.min, by("maxregistrations").params.max), (Some(1), Some(5)));
    assert_eq!(by("loginpassword").message, "Login password must be at least 6 characters long.");
    assert_eq!(by("loginpassword").params.min, Some(6));
    assert_eq!(by("dnd").message, "Do not disturb must be one of: on, off.");
    assert_eq!(by("dnd").params.allowed, Some(&["on", "off"][..]));
    assert_eq!(by("extnumber").message, "New extension number must be a string of digits or a whole number.");
    assert_eq!(by("extnumber").params.expected, Some("string or number"));
    assert_eq!(
        errors_to_json(&e[..1]),
        r#"[{"field":"extnumber","code":"wrong_type","message":"New extension number must be a string of digits or a whole number.","params":{"expected":"string or number"}}]"#
    );
    let e = errors(r#"{"extid":"1","email":"nope"}"#);
    assert_eq!(errors_to_json(&e), r#"[{"field":"email","code":"invalid_email","message":"Email address must be a valid email address, like name@example.com."}]"#);
}

#[test]
fn no_secret_value_in_any_message_or_param() {
    let secrets = [
        ("registerpassword", "Sup3r;Secret"),
        ("registerpassword", "Sup3rSecretThatIsWayTooLongForTheField"),
        ("loginpassword", "Sh0rt"),
        ("loginpassword", "with space inside"),
        ("loginpassword", "tab\\there<>"),
        ("vmsecret", "12ab34"),
        ("vmsecret", " 2468"),
    ];
    for (field, secret) in secrets {
        let e = errors(&format!("{{\"extid\":\"1\",\"{field}\":\"{secret}\"}}"));
        assert_eq!(e.len(), 1);
        let json = errors_to_json(&e);
        let needle = secret.trim().replace("\\t", "\t");
        for part in [needle.as_str(), needle.get(..4).unwrap()] {
            assert!(!json.contains(part), "{field}: {json} holds {part:?}");
        }
    }
    // No message holds any input value at all: build an input where every field is invalid with
    // a distinctive value and look for it.
    for f in &FIELDS {
        let e = errors(&format!("{{\"extid\":\"1\",\"{}\":\"QZXQ!\\u0001\"}}", f.name));
        let json = errors_to_json(&e);
        assert!(!json.contains("QZXQ"), "{}: {json}", f.name);
    }
}

#[test]
fn hostile_text_gives_structured_errors() {
    // Deep nesting: no recursion, so no stack overflow.
    let deep = format!("{{\"extid\":\"1\",\"username\":{}{}}}", "[".repeat(200_000), "]".repeat(200_000));
    assert_eq!(fields_and_codes(&errors(&deep)), [("username", Code::WrongType)]);
    let deep_bad = format!("{{\"extid\":\"1\",\"username\":{}}}", "[{\"a\":".repeat(100_000));
    assert_eq!(fields_and_codes(&errors(&deep_bad)), [("", Code::InvalidJson)]);
    let deep_top = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(fields_and_codes(&errors(&deep_top)), [("", Code::NotAnObject)]);
    // Megabyte strings.
    let big = "9".repeat(4 << 20);
    assert_eq!(fields_and_codes(&errors(&format!("{{\"extid\":\"{big}\"}}"))), [("extid", Code::TooLong)]);
    let big_name = "张".repeat(1 << 20);
    assert_eq!(fields_and_codes(&errors(&format!("{{\"extid\":\"1\",\"username\":\"{big_name}\"}}"))), [("username", Code::TooLong)]);
    // Lone surrogates, escaped (the only way they reach us: JSON text and JS strings).
    for s in ["\\ud800", "a\\udc00b", "\\ud800\\u0041", "\\udbff\\udbff"] {
        let e = errors(&format!("{{\"extid\":\"1\",\"callerid\":\"{s}\"}}"));
        assert_eq!(fields_and_codes(&e), [("callerid", Code::InvalidChars)], "{s}");
        assert!(e[0].message.contains("unpaired UTF-16 surrogate"));
    }
    // A proper pair is fine where the character is (a supplementary-plane letter: U+20000).
    assert!(validate_json(r#"{"extid":"1","username":"\ud840\udc00"}"#, &Options::default()).is_ok());
    // Many unknown keys: linear enough, each reported once.
    let many: String = (0..20_000).map(|i| format!(",\"k{i}\":1")).collect();
    let e = errors(&format!("{{\"extid\":\"1\"{many}}}"));
    assert_eq!(e.len(), 20_000);
    // A key with a lone surrogate is still an unknown key, shown readably.
    let e = errors(r#"{"extid":"1","\ud800":1}"#);
    assert_eq!(fields_and_codes(&e), [("\u{fffd}", Code::UnknownField)]);
}

#[test]
fn unknown_keys_are_shown_displayably() {
    let e = errors("{\"extid\":\"1\",\"a\\nb\\u001b[31m\\u2028\":1}");
    assert_eq!(e[0].field, "a\nb\u{1b}[31m\u{2028}");
    assert_eq!(e[0].message, "\"a\\u000ab\\u001b[31m\\u2028\" is not a field of the extension update API.");
    let long = "k".repeat(1 << 20);
    let e = errors(&format!("{{\"extid\":\"1\",\"{long}\":1}}"));
    assert_eq!(e[0].field.len(), 1 << 20);
    assert_eq!(e[0].message, format!("\"{}…\" is not a field of the extension update API.", "k".repeat(40)));
}
