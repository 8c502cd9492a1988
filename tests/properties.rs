//! Property tests (proptest) of the validator's guarantees (issue 5, SPEC §1 and §4):
//! - any accepted input's body validates again to the same bytes;
//! - body keys are a subset of the table, in table order, every value a string;
//! - arbitrary JSON text, and arbitrary nested or garbage values, never panic;
//! - no error message or param holds any value (secrets with forbidden characters, next to
//!   other errors, with unknown keys around, in the update and in `current`);
//! - errors are in table order, at most one per field, whole-input errors alone, unknown keys
//!   last in input order; `strip` answers the same without them;
//! - `validate`, `validate_json` of the same input as text, and `validate_field` agree.
//!
//! The invariants themselves live in `fuzz/src/check.rs`, shared with the fuzz targets, and the
//! value pools in `fuzz/src/model.rs`. Cases per property: `PROPTEST_CASES` (default 1024; the
//! whole file takes a few seconds in a debug build).
// proptest is a native-only dev-dependency: nothing here for wasm32.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code, unused_imports)]
mod fuzz_support;

use std::sync::atomic::{AtomicUsize, Ordering};

use fuzz_support::check::{self, MARK};
use fuzz_support::{model, Entries, Key, Val};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use yeastar_extension_update::table::FIELDS;
use yeastar_extension_update::{
    errors_to_json, validate, validate_field, validate_json, Code, Input, Options, UnknownFields, Value,
};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1024)
}

fn config() -> Config {
    Config { cases: cases(), failure_persistence: None, ..Config::default() }
}

/// Runs a property; returns how many cases it ran.
fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) -> u32
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(config());
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
    cases()
}

// ---- strategies -------------------------------------------------------------------------

fn field_index() -> impl Strategy<Value = u8> {
    0..FIELDS.len() as u8
}

/// Keys that never hold the marker (so any marker in an error is a leaked value).
fn other_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,12}",
        "[A-Za-z_$]{0,3}",
        Just("moblie".to_string()),
        Just("__proto__".to_string()),
        Just(String::new()),
        "\\PC{0,8}",
        "[\u{0}-\u{1f}\u{7f}\u{2028}a]{1,4}",
    ]
    .prop_filter("no marker in keys", |k| !k.contains(MARK))
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        6 => field_index().prop_map(Key::field),
        1 => (any::<u8>(), any::<u8>(), other_key()).prop_map(|(kind, n, other)| Key { kind, n, other }),
    ]
}

/// Any value: valid, invalid, padded, long, or any type with any text (often the marker).
fn val() -> impl Strategy<Value = Val> {
    prop_oneof![
        3 => any::<u16>().prop_map(Val::Good),
        2 => any::<u16>().prop_map(Val::Bad),
        2 => (any::<u8>(), any::<u64>(), "\\PC{0,12}").prop_map(|(k, n, s)| Val::Any(k, n, s)),
        1 => (any::<u16>(), any::<u8>(), any::<u8>()).prop_map(|(n, l, r)| Val::Padded(n, l, r)),
        1 => (any::<char>(), 0u16..300).prop_map(|(c, n)| Val::Long(c, n)),
    ]
}

/// Mostly valid values (so that many inputs are accepted).
fn good_val() -> impl Strategy<Value = Val> {
    prop_oneof![
        4 => any::<u16>().prop_map(Val::Good),
        1 => (any::<u16>(), any::<u8>(), any::<u8>()).prop_map(|(n, l, r)| Val::Padded(n, l, r)),
    ]
}

fn entries(max: usize) -> impl Strategy<Value = Entries> {
    (proptest::option::weighted(0.9, val()), proptest::collection::vec((key(), val()), 0..max)).prop_map(
        |(extid, rest)| {
            let mut all: Vec<(Key, Val)> = extid.map(|v| (Key::field(0), v)).into_iter().collect();
            all.extend(rest);
            Entries(all)
        },
    )
}

/// Distinct fields with mostly valid values, `extid` first; `current` sometimes.
fn mostly_valid() -> impl Strategy<Value = (Entries, Option<Entries>)> {
    let update = (good_val(), proptest::sample::subsequence((1..FIELDS.len() as u8).collect::<Vec<_>>(), 0..12))
        .prop_flat_map(|(extid, fields)| {
            let n = fields.len();
            (Just(extid), Just(fields), proptest::collection::vec(good_val(), n))
        })
        .prop_map(|(extid, fields, vals)| {
            let mut all = vec![(Key::field(0), extid)];
            all.extend(fields.into_iter().map(Key::field).zip(vals));
            Entries(all)
        });
    let current = proptest::collection::vec((field_index().prop_map(Key::field), good_val()), 0..10).prop_map(Entries);
    (update, proptest::option::of(current))
}

/// A JSON value tree, as text (depth and breadth bounded).
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        "-?[0-9]{1,20}(\\.[0-9]{1,5})?([eE][+-]?[0-9]{1,4})?",
        "\\PC{0,10}".prop_map(|s| {
            let mut out = String::new();
            check::push_json_str(&mut out, &s);
            out
        }),
        Just("\"\\ud800\"".to_string()),
        Just(format!("\"{MARK};\"")),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            proptest::collection::vec(("[a-z]{0,6}", inner), 0..6).prop_map(|kv| {
                let items: Vec<String> = kv.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", items.join(","))
            }),
        ]
    })
}

/// A JSON object text whose keys are fields (often) and whose values are any JSON values.
fn json_object() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (prop_oneof![3 => field_index().prop_map(|i| model::field_name(u32::from(i)).to_string()), 1 => "[a-z]{1,8}"], json_value()),
        0..10,
    )
    .prop_map(|kv| {
        let items: Vec<String> = kv.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", items.join(","))
    })
}

/// Mutations of a valid text: delete, insert or replace characters from a JSON-ish alphabet.
fn mangled(base: String) -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "{}[]\":,\\ 0123456789aeE.-+tfnul\u{0}\u{1e}\u{feff}é".chars().collect();
    proptest::collection::vec((any::<proptest::sample::Index>(), 0u8..3, proptest::sample::select(alphabet)), 1..6)
        .prop_map(move |edits| {
            let mut chars: Vec<char> = base.chars().collect();
            for (at, op, c) in edits {
                if chars.is_empty() {
                    chars.push(c);
                    continue;
                }
                let i = at.index(chars.len());
                match op {
                    0 => {
                        chars.remove(i);
                    }
                    1 => chars.insert(i, c),
                    _ => chars[i] = c,
                }
            }
            chars.into_iter().collect()
        })
}

const VENDOR_QUERY_ITEM: &str = r#"{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}"#;

// ---- properties ---------------------------------------------------------------------------

#[test]
fn accepted_inputs_give_bodies_that_validate_again_to_the_same_bytes() {
    let accepted = AtomicUsize::new(0);
    let n = run("accepted bodies", mostly_valid(), |(update, current)| {
        let input = update.input();
        let current = current.map(|c| c.input());
        check::check_input(&input, current.as_ref());
        if let Ok(body) = validate(&input, &Options { current: current.as_ref(), ..Options::default() }) {
            accepted.fetch_add(1, Ordering::Relaxed);
            // The body, given as an input again, is its own body (and it holds every field given).
            let again = Input::parse_json(body.as_str()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            check::check_input(&again, current.as_ref());
            prop_assert_eq!(validate(&again, &Options { current: current.as_ref(), ..Options::default() }), Ok(body));
        }
        Ok(())
    });
    let accepted = accepted.into_inner();
    eprintln!("accepted bodies: {accepted} of {n} cases accepted");
    assert!(accepted * 4 >= n as usize, "too few accepted inputs to test bodies: {accepted} of {n}");
}

#[test]
fn any_structured_input_keeps_every_invariant() {
    // Body keys ⊆ table, table order, strings; errors in table order, one per field, whole-input
    // alone, unknown keys last in input order; strip consistency; validate = validate_json;
    // validate_field agrees; own checks independent of other fields.
    let strategy = (entries(16), proptest::option::of(entries(12)));
    let n = run("structured invariants", strategy, |(update, current)| {
        let input = update.input();
        check::check_input(&input, None);
        if let Some(current) = current.map(|c| c.input()) {
            check::check_input(&input, Some(&current));
        }
        Ok(())
    });
    eprintln!("structured invariants: {n} cases");
}

#[test]
fn garbage_values_never_panic() {
    // Values outside the documented domain of `Value` too: unsafe numbers, huge strings.
    let garbage = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<Option<u64>>().prop_map(Value::Number),
        Just(Value::Number(Some(u64::MAX))),
        Just(Value::BrokenStr),
        Just(Value::Nested),
        "\\PC{0,40}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        (any::<char>(), 0usize..5000).prop_map(|(c, n)| Value::from(std::iter::repeat_n(c, n).collect::<String>())),
    ];
    let entry =
        (prop_oneof![field_index().prop_map(|i| model::field_name(u32::from(i)).to_string()), other_key()], garbage);
    let n = run("garbage values", proptest::collection::vec(entry, 0..12), |entries| {
        let input = Input { entries: entries.into_iter().map(|(k, v)| (k.into(), v)).collect() };
        for unknown_fields in [UnknownFields::Error, UnknownFields::Strip] {
            for current in [None, Some(&input)] {
                let options = Options { current, unknown_fields, ..Options::default() };
                let r = validate(&input, &options);
                check::check_result(Some(&input), &options, &r);
                for (k, v) in &input.entries {
                    check::check_field_answer(k, &options, &validate_field(k, v, &options));
                }
            }
        }
        Ok(())
    });
    eprintln!("garbage values: {n} cases");
}

#[test]
fn arbitrary_json_text_never_panics() {
    let vendor = VENDOR_QUERY_ITEM.to_string();
    let text = prop_oneof![
        2 => any::<String>(),
        2 => "[{}\\[\\]\":,\\\\ 0-9aeEtrufalsn.+\\-]{0,64}",
        3 => json_object(),
        2 => json_value(),
        3 => mangled(vendor.clone()),
        2 => mangled(r#"{"extid":"1002","username":"Ina Tang","enablemobile":"on","mobile":"555","atransferto":"Mobile Number","ringtimeout":30}"#.to_string()),
        1 => (1usize..3000).prop_map(|n| format!("{{\"extid\":\"1\",\"x\":{}{}}}", "[".repeat(n), "]".repeat(n))),
        1 => (1usize..3000).prop_map(|n| "{\"a\":".repeat(n)),
    ];
    let n = run(
        "JSON text",
        (text, proptest::option::of(prop_oneof![json_object(), mangled(vendor)])),
        |(text, current)| {
            let current = current.as_deref().and_then(|c| Input::parse_json(c).ok());
            check::check_text(&text, current.as_ref());
            Ok(())
        },
    );
    eprintln!("JSON text: {n} cases");
}

#[test]
fn no_error_holds_a_secret_or_any_other_value() {
    // Secrets with forbidden characters (and valid ones) next to other errors, with unknown keys
    // and misspelt secret names around, in the update and in current.
    let forbidden = proptest::sample::select(model::FORBIDDEN.to_vec());
    let secret = prop_oneof![
        (forbidden.clone(), "[A-Za-z0-9]{0,6}").prop_map(|(c, s)| format!("{MARK}{c}{s}")),
        (forbidden.clone(), "[A-Za-z0-9]{0,6}").prop_map(|(c, s)| format!("{s}{c}{MARK}")),
        (1usize..10).prop_map(|n| MARK.repeat(n)),
        "[!-~]{0,8}".prop_map(|s| format!("{MARK}{s}")),
        Just(format!(" {MARK} ")),
        Just(format!("{MARK}\u{0}")),
    ];
    let secret_key = proptest::sample::select(vec![
        "registerpassword",
        "loginpassword",
        "vmsecret",
        "registerpasword",
        "loginpasswd",
        "vmsecrets",
        "RegisterPassword",
    ]);
    let others = proptest::collection::vec((key(), val()), 0..8);
    let strategy = (
        proptest::collection::vec((secret_key, secret.clone()), 1..5),
        others,
        proptest::option::of(secret),
        any::<bool>(),
    );
    let n = run("no value in errors", strategy, |(secrets, others, current_secret, strip)| {
        let mut input = Input::new();
        input.push("extid", Value::from(if strip { "1" } else { "x" }));
        let others = Entries(others).input();
        for ((k, v), (ok, ov)) in secrets.iter().zip(
            others
                .entries
                .iter()
                .chain(std::iter::repeat(&(std::borrow::Cow::Borrowed("username"), Value::from("bad!")))),
        ) {
            input.push(k.to_string(), Value::from(v.clone()));
            input.push(ok.clone(), ov.clone());
        }
        let mut current = Input::new();
        if let Some(s) = &current_secret {
            for k in ["registerpassword", "loginpassword", "vmsecret", "enablemobile"] {
                current.push(k, Value::from(s.clone()));
            }
        }
        let unknown_fields = if strip { UnknownFields::Strip } else { UnknownFields::Error };
        let options = Options { current: current_secret.as_ref().map(|_| &current), unknown_fields, ..Options::default() };
        let texts = [
            errors_to_json(&validate(&input, &options).err().unwrap_or_default()),
            errors_to_json(&validate_json(&check::input_json(&input), &options).err().unwrap_or_default()),
            errors_to_json(&input.entries.iter().flat_map(|(k, v)| validate_field(k, v, &options)).collect::<Vec<_>>()),
        ];
        for text in texts {
            prop_assert!(!text.contains(MARK), "a value in the errors: {}", text);
            for (_, s) in &secrets {
                prop_assert!(s.len() < 5 || !text.contains(s.as_str()), "secret {:?} in {}", s, text);
            }
        }
        check::check_input(&input, options.current);
        Ok(())
    });
    eprintln!("no value in errors: {n} cases");
}

#[test]
fn errors_come_in_table_order_one_per_field_unknown_keys_last() {
    // Every field wrong (or some), unknown keys interleaved, all shuffled.
    let entry = prop_oneof![
        3 => (field_index(), any::<u16>()).prop_map(|(i, n)| (Key::field(i), Val::Bad(n))),
        1 => (field_index(), any::<u16>()).prop_map(|(i, n)| (Key::field(i), Val::Good(n))),
        2 => "[a-z]{1,10}".prop_map(|k| (Key::text_key(&k), Val::text("1"))),
    ];
    let strategy = proptest::collection::vec(entry, 1..40).prop_shuffle();
    let n = run("error order", strategy, |list| {
        let input = Entries(list).input();
        let options = Options::default();
        check::check_input(&input, None);
        if let Err(errors) = validate(&input, &options) {
            // One per field, checked directly as well.
            let mut seen: Vec<&str> = Vec::new();
            for e in &errors {
                prop_assert!(!seen.contains(&e.field.as_str()), "two errors on {}", e.field);
                seen.push(&e.field);
            }
            let unknown_from = errors.iter().position(|e| e.code == Code::UnknownField).unwrap_or(errors.len());
            prop_assert!(errors[unknown_from..].iter().all(|e| e.code == Code::UnknownField));
        }
        Ok(())
    });
    eprintln!("error order: {n} cases");
}

#[test]
fn whole_input_errors_come_alone() {
    let strategy = (entries(10), field_index(), any::<u16>(), 0u8..3);
    let n = run("whole-input errors", strategy, |(entries, repeat, n, how)| {
        let mut input = entries.input();
        let text = match how {
            // A field given twice: one invalid_json naming it, nothing else.
            0 => {
                let name = model::field_name(u32::from(repeat));
                input.push(name.to_string(), model::good(name, u32::from(n)));
                input.push(name.to_string(), model::bad(name, u32::from(n)));
                check::input_json(&input)
            }
            // Cut text.
            1 => {
                let t = check::input_json(&input);
                let cut = (usize::from(n) % t.len().max(1)).max(1);
                t.char_indices()
                    .map(|(i, _)| i)
                    .take_while(|&i| i < cut)
                    .last()
                    .map_or(String::new(), |i| t[..i].to_string())
            }
            // Not an object.
            _ => format!("[{}]", check::input_json(&input)),
        };
        check::check_text(&text, None);
        let r = validate_json(&text, &Options::default());
        if let Err(e) = &r {
            if e.iter().any(|e| matches!(e.code, Code::InvalidJson | Code::NotAnObject)) {
                prop_assert_eq!(e.len(), 1);
            }
        }
        prop_assert!(how == 1 || r.is_err());
        Ok(())
    });
    eprintln!("whole-input errors: {n} cases");
}

/// The checks are not vacuous: each broken answer below makes them fail.
#[test]
fn the_checks_catch_broken_answers() {
    use yeastar_extension_update::{FieldError, Params};
    let err = |field: &str, code: Code, message: &str| FieldError {
        field: field.to_string(),
        code,
        message: message.to_string(),
        params: match code {
            Code::TooLong => Params { max: Some(31), ..Params::default() },
            _ => Params::default(),
        },
    };
    let mut input = Input::new();
    input.push("extid", Value::from("x"));
    input.push("username", Value::from("y"));
    input.push("zz", Value::from("1"));
    let options = Options::default();
    let broken: Vec<(&str, Vec<FieldError>)> = vec![
        ("out of table order", vec![err("username", Code::TooLong, "m."), err("extid", Code::NotDigits, "m.")]),
        ("two on one field", vec![err("extid", Code::NotDigits, "m."), err("extid", Code::Blank, "m.")]),
        ("whole-input error not alone", vec![err("", Code::InvalidJson, "m."), err("extid", Code::NotDigits, "m.")]),
        ("unknown key not last", vec![err("zz", Code::UnknownField, "m."), err("extid", Code::NotDigits, "m.")]),
        ("unknown key missing", vec![err("extid", Code::NotDigits, "m.")]),
        ("a value in a message", vec![err("extid", Code::NotDigits, &format!("{MARK} m."))]),
        ("a control character in a message", vec![err("extid", Code::NotDigits, "m\n.")]),
        (
            "an error on a field not given",
            vec![err("email", Code::InvalidEmail, "m."), err("zz", Code::UnknownField, "m.")],
        ),
        ("no error", vec![]),
    ];
    for (what, errors) in broken {
        let caught = std::panic::catch_unwind(|| check::check_errors(Some(&input), &options, &errors));
        assert!(caught.is_err(), "check_errors accepted: {what}");
    }
    for body in [
        r#"{"username":"y","extid":"1"}"#,
        r#"{"extid":"1","dnd":true}"#,
        r#"{"extid": "1"}"#,
        r#"{"extid":"1","zz":"1"}"#,
    ] {
        let caught = std::panic::catch_unwind(|| check::check_body(None, &options, body));
        assert!(caught.is_err(), "check_body accepted {body}");
    }
}

#[test]
fn current_values_that_fail_their_checks_neither_trigger_nor_satisfy() {
    // Minimal case: current {mobile: "abc"} (not digits) and the update turns mobility on.
    let mut current = Input::new();
    current.push("mobile", Value::from("abc"));
    let mut update = Input::new();
    update.push("extid", Value::from("1"));
    update.push("enablemobile", Value::from("on"));
    check::check_current_invalid_values_ignored(&update, &current);

    let strategy = (mostly_valid(), proptest::collection::vec((key(), val()), 0..14));
    let n = run("invalid current values ignored", strategy, |((update, _), current)| {
        check::check_current_invalid_values_ignored(&update.input(), &Entries(current).input());
        Ok(())
    });
    eprintln!("invalid current values ignored: {n} cases");
}
