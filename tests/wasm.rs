//! The boundary compiled to wasm32, run by wasm-bindgen-test in Node and in headless Chromium
//! (`make test-wasm`): what JS sees, including hostile text, and that the module keeps working.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;
use yeastar_extension_update::wasm::{diff, fields, from_query, schema, validate, validate_field};

fn is_body(out: &str) -> bool {
    out.starts_with('{')
}

#[wasm_bindgen_test]
fn vendor_sample_gives_the_body() {
    assert_eq!(validate(r#"{"extid": "1002","username": "Amy"}"#, "", 0), r#"{"extid":"1002","username":"Amy"}"#);
}

#[wasm_bindgen_test]
fn errors_come_back_as_a_json_array() {
    let out = validate(r#"{"extid":"12a","moblie":""}"#, "", 0);
    assert_eq!(
        out,
        concat!(
            r#"[{"field":"extid","code":"not_digits","message":"Extension number can contain only digits (0-9)."},"#,
            r#"{"field":"moblie","code":"unknown_field","message":"\"moblie\" is not a field of the extension update API. Did you mean \"mobile\"?","params":{"suggestion":"mobile"}}]"#
        )
    );
    // flags bit 0 strips unknown keys.
    assert_eq!(validate(r#"{"extid":"1","moblie":""}"#, "", 1), r#"{"extid":"1"}"#);
}

#[wasm_bindgen_test]
fn current_is_read_under_the_update() {
    let current = r#"{"extnumber":"1000","moblie":"13800000000","enablemobile":"off"}"#;
    assert!(is_body(&validate(r#"{"extid":"1000","enablemobile":"on"}"#, current, 0)));
    assert!(validate(r#"{"extid":"1000","enablemobile":"on"}"#, "", 0).contains("required_if"));
    // A broken current encoding is reported, not thrown.
    assert!(validate(r#"{"extid":"1"}"#, "{", 0).contains("not_an_object"));
}

#[wasm_bindgen_test]
fn single_field_checks() {
    assert_eq!(validate_field("extid", r#""1002""#, "", 0), "[]");
    assert!(validate_field("extid", r#""""#, "", 0).contains(r#""code":"blank""#));
    assert!(validate_field("dnd", "1", "", 0).contains(r#""code":"wrong_type""#));
    assert!(validate_field("mobile", r#""""#, r#"{"enablemobile":"on"}"#, 0).contains("required_if"));
    assert!(validate_field("moblie", r#""""#, "", 0).contains("unknown_field"));
    assert_eq!(validate_field("moblie", r#""""#, "", 1), "[]");
    assert!(validate_field("extid", "{", "", 0).contains("invalid_json"));
}

#[wasm_bindgen_test]
fn hostile_text_then_still_working() {
    let deep = format!("{{\"extid\":\"1\",\"username\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(validate(&deep, "", 0).contains("wrong_type"));
    let unclosed = "{\"a\":".to_string() + &"[".repeat(100_000);
    assert!(validate(&unclosed, "", 0).contains("invalid_json"));
    let big = "9".repeat(10 << 20);
    assert!(validate(&format!("{{\"extid\":\"{big}\"}}"), "", 0).contains("too_long"));
    assert!(validate(r#"{"extid":"1","username":"\ud800"}"#, "", 0).contains("invalid_chars"));
    for text in ["", "[", "nul", "\u{0}", "{\"extid\":\"1\"}x", "[]", "12"] {
        assert!(validate(text, "", 0).starts_with("[{\"field\":\"\""), "{text:?}");
    }
    assert_eq!(validate(r#"{"extid":1}"#, "", 0), r#"{"extid":"1"}"#);
}

#[wasm_bindgen_test]
fn metadata_exports() {
    let f = fields(0);
    assert!(f.starts_with(r#"[{"name":"extid""#) && f.ends_with("}]"));
    assert_eq!(f.matches(r#"{"name":"#).count(), 38);
    let s = schema();
    assert!(s.contains(r#""$schema":"https://json-schema.org/draft/2020-12/schema""#));
    assert!(s.contains(r#""required":["extid"]"#) && s.contains(r#""additionalProperties":false"#));
}

#[wasm_bindgen_test]
fn locale_flag_warnings_and_the_workflow_exports() {
    // Bit 1: zh-CN messages, same codes.
    assert!(validate(r#"{"extid":"x"}"#, "", 2).contains(r#""code":"not_digits","message":"分机号只能包含数字（0-9）。""#));
    assert!(fields(2).contains(r#""label":"分机号""#));
    // Warnings follow a tab, after a body or after errors.
    let out = validate(r#"{"extid":"1","enablevmtoemail":"on"}"#, "", 0);
    let (body, warnings) = out.split_once('\t').unwrap();
    assert_eq!(body, r#"{"extid":"1","enablevmtoemail":"on"}"#);
    assert!(warnings.starts_with(r#"[{"field":"email","code":"vmtoemail_without_email""#));
    assert!(validate(r#"{"extid":"x","enablevmtoemail":"on"}"#, "", 0).contains("]\t[{\"field\":\"email\""));
    assert!(!validate(r#"{"extid":"1"}"#, "", 0).contains('\t'));
    // fromQuery and diff.
    assert_eq!(from_query(r#"{"extnumber":"1000","moblie":"","status":"Registered","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779"}"#), r#"{"extid":"1000","mobile":""}"#);
    assert!(from_query("[]").starts_with("[{"));
    assert_eq!(diff(r#"{"extid":"1000","dnd":"off"}"#, r#"{"extid":"1000","dnd":true}"#, 0), "[\"dnd\"]\n{\"extid\":\"1000\",\"dnd\":\"on\"}");
    assert_eq!(diff(r#"{"extid":"1000"}"#, r#"{"extid":"1000"}"#, 0), "[]\n{\"extid\":\"1000\"}");
    assert!(diff("{", "{}", 2).starts_with("[]\n[{\"field\":\"\",\"code\":\"invalid_json\""));
}
