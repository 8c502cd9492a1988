//! Writes the committed seed corpus: `fuzz/corpus/<target>/<name>`.
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example seeds
//!
//! `json_text` seeds are JSON texts (the vendor's samples from SPEC §6 and the seed page, the
//! snapshot payloads, valid and invalid payloads, JSON edge cases); a byte 0x1E separates
//! `options.current` from the update. `structured` and `field` seeds are the same payloads and
//! per-field values in the targets' byte encoding (fuzz/src/lib.rs); `many` seeds are batch
//! texts (JSON arrays). The folders are rewritten.

use std::fs;
use std::path::Path;

use fuzz_support::{check::MARK, entries_from_json, Case, Entries, FieldCase, Key, Val};
use yeastar_extension_update::table::FIELDS;

/// The vendor's request sample (seed page).
const VENDOR_REQUEST: &str = r#"{"extid": "1002","username": "Amy"}"#;

/// The vendor's `/extension/query` answer (SPEC §6): `moblie`, an MD5 login password, read-only keys.
const VENDOR_QUERY_ITEM: &str = r#"{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}"#;

fn vendor_query_answer() -> String {
    format!(r#"{{"status":"Success","extinfos":[{VENDOR_QUERY_ITEM}]}}"#)
}

/// A body with all 38 fields, valid.
const ALL_FIELDS: &str = r#"{"extid":"1002","extnumber":"1003","username":"Ina Tang","callerid":"1002","registername":"reg1002","registerpassword":"Zq7Kx9Wv!#","maxregistrations":"3","loginpassword":"Zq7Kx9Wv@1","email":"ina.tang@example.com","mobile":"13800000000","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1234","alwaysforward":"on","atransferto":"Extension","atransferext":"3002","atransferprefix":"9","atransfernum":"","noanswerforward":"on","ntransferto":"Custom Number","ntransferext":"","ntransferprefix":"0","ntransfernum":"5551234","busyforward":"on","btransferto":"Mobile Number","btransferext":"","btransferprefix":"","btransfernum":"","enablemobile":"on","ringsimultaneous":"off","mobileprefix":"00","allowbeingmonitored":"on","monitormode":"Barge-in","ringtimeout":"300","maxduration":"6000","dnd":"off","callrestriction":"on","agentid":"6932"}"#;

/// Named JSON texts; `\u{1e}` separates current from the update.
fn json_texts() -> Vec<(&'static str, String)> {
    let s = |t: &str| t.to_string();
    let deep = format!(r#"{{"extid":"1","x":{}1{}}}"#, "[".repeat(300), "]".repeat(300));
    let deep_objects = format!(r#"{{"extid":"1","x":{}1{}}}"#, r#"{"a":"#.repeat(300), "}".repeat(300));
    vec![
        ("vendor-request-sample", s(VENDOR_REQUEST)),
        ("vendor-query-answer", vendor_query_answer()),
        ("vendor-update-answer-success", s(r#"{"status":"Success"}"#)),
        ("vendor-update-answer-failed", s(r#"{"status":"Failed","errno":"10006"}"#)),
        ("vendor-query-item-as-update", s(VENDOR_QUERY_ITEM)),
        ("vendor-current-enable-mobile", format!("{VENDOR_QUERY_ITEM}\u{1e}{{\"extid\":\"1000\",\"enablemobile\":\"on\"}}")),
        ("vendor-current-custom-number", format!("{VENDOR_QUERY_ITEM}\u{1e}{{\"extid\":\"1000\",\"ntransferto\":\"Custom Number\"}}")),
        ("vendor-current-mobile-given", format!("{VENDOR_QUERY_ITEM}\u{1e}{{\"extid\":\"1000\",\"enablemobile\":true,\"mobile\":\"13800000000\"}}")),
        ("all-fields-valid", s(ALL_FIELDS)),
        ("snapshot-form-m", s(include_str!("../../tests/snapshots/form-m.in.json").trim())),
        ("snapshot-hostile", s(include_str!("../../tests/snapshots/hostile.in.json").trim())),
        ("snapshot-ten-errors", s(include_str!("../../tests/snapshots/ten-errors.in.json").trim())),
        (
            "snapshot-turn-on-mobility",
            format!(
                "{}\u{1e}{}",
                include_str!("../../tests/snapshots/turn-on-mobility.current.json").trim(),
                include_str!("../../tests/snapshots/turn-on-mobility.in.json").trim()
            ),
        ),
        ("readme-example", s(r#"{"extid": 1002, "username": " Amy ", "dnd": true}"#)),
        (
            "secrets-with-forbidden-characters",
            format!(r#"{{"extid":"1","registerpassword":"{MARK};","loginpassword":"{MARK}\"x","vmsecret":"{MARK}","registerpasword":"{MARK}","username":"x"}}"#),
        ),
        ("secrets-valid", format!(r#"{{"extid":"1","registerpassword":"{MARK}!","loginpassword":"{MARK}$%","vmsecret":"0042"}}"#)),
        ("secrets-blank-and-padded", format!(r#"{{"extid":"1","registerpassword":"   ","loginpassword":" {MARK} ","vmsecret":" 1"}}"#)),
        ("numbers", s(r#"{"extid":1.0,"extnumber":1e3,"maxregistrations":3e0,"ringtimeout":3E1,"maxduration":-0,"atransferext":9007199254740991}"#)),
        ("numbers-refused", s(r#"{"extid":9007199254740992,"extnumber":-1,"maxregistrations":1.5,"ringtimeout":1e400,"maxduration":0.1e1,"mobile":5}"#)),
        ("surrogates", s(r#"{"extid":"1","username":"\ud800","callerid":"\ud83d\ude00","registerpassword":"a\udc00b","\ud800":1}"#)),
        ("escapes", s(r#"{"extid":"\u0031\u0030","username":"A\u0301my","email":"a\/b@c.d","x\n":"\t"}"#)),
        ("unknown-keys-suggestions", s(r#"{"ExtID":"1","moblie":"","usrname":"x","__proto__":{},"constructor":null,"moblie":1}"#)),
        ("repeated-field", s(r#"{"extid":"1","username":"a","username":"b"}"#)),
        ("whitespace-and-blank", s("{\"extid\":\" 1002 \",\"username\":\"\u{a0}Amy\u{feff}\",\"registername\":\"\u{85}x\",\"registerpassword\":\"\"}")),
        ("enumerations-any-case", s(r#"{"extid":"1","monitormode":"disable","atransferto":"mobile number","maxduration":"follow system","ringtimeout":"030","dnd":"ON","hasvoicemail":false}"#)),
        ("cross-field-forwards", s(r#"{"extid":"1","alwaysforward":"off","atransferto":"Mobile Number","noanswerforward":"on","ntransferto":"Extension","busyforward":"x","btransferto":"Custom Number"}"#)),
        ("emails", s(r#"{"extid":"1","email":"a@b"}"#)),
        ("email-long-label", format!(r#"{{"extid":"1","email":"a@{}.com"}}"#, "b".repeat(64))),
        ("deep-arrays", deep),
        ("deep-objects", deep_objects),
        ("empty-object", s("{}")),
        ("null", s("null")),
        ("array", s(r#"[{"extid":"1"}]"#)),
        ("invalid-unterminated", s(r#"{"extid":"1"#)),
        ("invalid-trailing-comma", s(r#"{"extid":"1",}"#)),
        ("invalid-bom", s("\u{feff}{\"extid\":\"1\"}")),
        ("invalid-after-end", s(r#"{"extid":"1"} x"#)),
        ("invalid-control-in-string", s("{\"extid\":\"1\u{1}\"}")),
        ("empty", s("")),
    ]
}

/// Batch texts (`validate_many_json`): arrays of payloads, the vendor's `extinfos`, broken arrays.
fn batch_texts() -> Vec<(&'static str, String)> {
    let s = |t: &str| t.to_string();
    let payloads: Vec<String> =
        json_texts().into_iter().map(|(_, t)| t).filter(|t| t.starts_with('{') && !t.contains('\u{1e}')).collect();
    vec![
        ("all-seed-payloads", format!("[{}]", payloads.join(","))),
        ("vendor-extinfos", format!("[{VENDOR_QUERY_ITEM},{VENDOR_QUERY_ITEM}]")),
        ("vendor-current-and-batch", format!("{VENDOR_QUERY_ITEM}\u{1e}[{{\"extid\":\"1000\",\"enablemobile\":\"on\"}},{{\"extid\":\"1001\",\"mobile\":\"\"}}]")),
        ("mixed-items", s(r#"[{"extid":"1"}, 1, "x", null, [], [{"extid":"2"}], {"extid":"x","moblie":""}, true, {}]"#)),
        ("empty-array", s(" [ ] ")),
        ("nested-items", format!("[{}1{}]", "[".repeat(200), "]".repeat(200))),
        ("unterminated", s(r#"[{"extid":"1"},"#)),
        ("trailing-comma", s(r#"[{"extid":"1"},]"#)),
        ("not-an-array", s(r#"{"extid":"1"}"#)),
        ("garbage-after", s(r#"[{"extid":"1"}] x"#)),
        ("repeated-field-item", s(r#"[{"extid":"1","extid":"2"},{"extid":"3"}]"#)),
        ("bad-item-then-good", s(r#"[{"extid":"1",},{"extid":"3"}]"#)),
    ]
}

fn entries(text: &str) -> Entries {
    entries_from_json(text)
}

fn structured_cases() -> Vec<(String, Case)> {
    let mut out: Vec<(String, Case)> = Vec::new();
    for (name, text) in json_texts() {
        let case = match text.split_once('\u{1e}') {
            Some((current, update)) => Case { update: entries(update), current: Some(entries(current)) },
            None => Case { update: entries(&text), current: None },
        };
        if !case.update.0.is_empty() {
            out.push((name.to_string(), case));
        }
    }
    let all = |val: &dyn Fn(u8) -> Val| Entries((0..FIELDS.len() as u8).map(|i| (Key::field(i), val(i))).collect());
    let current = Some(entries(VENDOR_QUERY_ITEM));
    out.push(("model-all-good".into(), Case { update: all(&|i| Val::Good(u16::from(i))), current: None }));
    out.push((
        "model-all-good-other-forms".into(),
        Case { update: all(&|i| Val::Good(u16::from(i) * 7 + 1)), current: current.clone() },
    ));
    out.push(("model-all-bad".into(), Case { update: all(&|i| Val::Bad(u16::from(i))), current: None }));
    out.push((
        "model-all-padded".into(),
        Case { update: all(&|i| Val::Padded(u16::from(i), i, i + 1)), current: None },
    ));
    out.push(("model-long-values".into(), Case { update: all(&|_| Val::Long('9', 40)), current: current.clone() }));
    out.push((
        "model-near-misses".into(),
        Case {
            update: Entries(
                (0..FIELDS.len() as u8)
                    .map(|i| (Key { kind: 3, n: i.wrapping_mul(5), other: String::new() }, Val::Good(1)))
                    .collect(),
            ),
            current: None,
        },
    ));
    out
}

fn field_cases() -> Vec<(String, FieldCase)> {
    let mut out = Vec::new();
    let current = Some(entries(VENDOR_QUERY_ITEM));
    for (i, f) in FIELDS.iter().enumerate() {
        let i = i as u8;
        out.push((
            format!("{}-good", f.name),
            FieldCase { name: Key::field(i), value: Val::Good(u16::from(i)), current: None, json: "\"1\"".into() },
        ));
        // Bad values: the secrets, and one row of each other kind.
        let kinds_seen = FIELDS.iter().take(usize::from(i)).any(|g| g.kind == f.kind);
        if kinds_seen && !f.secret {
            continue;
        }
        let json = if f.secret { format!("\"{MARK};\"") } else { "[1]".into() };
        out.push((
            format!("{}-bad", f.name),
            FieldCase { name: Key::field(i), value: Val::Bad(u16::from(i)), current: current.clone(), json },
        ));
    }
    out.push((
        "mobile-blank-with-current".into(),
        FieldCase {
            name: Key::field(9),
            value: Val::text(""),
            current: Some(entries(r#"{"enablemobile":"on"}"#)),
            json: "\"\"".into(),
        },
    ));
    out.push((
        "unknown-name".into(),
        FieldCase { name: Key::text_key("moblie"), value: Val::text("1"), current: None, json: "{".into() },
    ));
    out
}

fn write_dir(dir: &Path, files: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    let n = files.len();
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes)?;
    }
    println!("{n:3} seeds in {}", dir.display());
    Ok(())
}

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    write_dir(
        &root.join("json_text"),
        json_texts().into_iter().map(|(n, t)| (format!("{n}.json"), t.into_bytes())).collect(),
    )?;
    write_dir(&root.join("structured"), structured_cases().into_iter().map(|(n, c)| (n, c.encode())).collect())?;
    write_dir(
        &root.join("many"),
        batch_texts().into_iter().map(|(n, t)| (format!("{n}.json"), t.into_bytes())).collect(),
    )?;
    write_dir(&root.join("field"), field_cases().into_iter().map(|(n, c)| (n, c.encode())).collect())?;
    Ok(())
}
