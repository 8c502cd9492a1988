//! Cross-field rules R1–R3 (SPEC §3), with and without `options.current`.

use yeastar_extension_update::cross::CROSS_RULES;
use yeastar_extension_update::{validate_field_json, validate_json, Code, FieldError, Input, Options};

/// The vendor's sample answer of `/extension/query` for one extension (SPEC §6), `moblie` and all.
const QUERY_ITEM: &str = r#"{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}"#;

fn check(update: &str, current: Option<&str>) -> Result<String, Vec<FieldError>> {
    let current = current.map(|c| Input::parse_json(c).expect("current is JSON"));
    let options = Options { current: current.as_ref(), ..Options::default() };
    validate_json(update, &options).map(|b| b.into_string())
}

/// `(field, code, because)` of each error.
fn summary(errors: &[FieldError]) -> Vec<(&str, Code, Option<&str>)> {
    errors.iter().map(|e| (e.field.as_str(), e.code, e.params.because)).collect()
}

#[test]
fn r1_mobility_needs_a_mobile_number() {
    let e = check(r#"{"extid":"1000","enablemobile":"on"}"#, None).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    assert_eq!(e[0].message, "Mobile number cannot be blank when Mobility extension is on.");
    let e = check(r#"{"extid":"1000","enablemobile":true,"mobile":"  "}"#, None).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    assert!(check(r#"{"extid":"1000","enablemobile":"on","mobile":"5550100"}"#, None).is_ok());
    assert!(check(r#"{"extid":"1000","enablemobile":"off"}"#, None).is_ok());
}

#[test]
fn r1_forwarding_to_mobile_number_needs_one() {
    for (switch, to) in [("alwaysforward", "atransferto"), ("noanswerforward", "ntransferto"), ("busyforward", "btransferto")] {
        // Live when on, and when the switch is not known: only a known "off" silences it.
        for switch_part in [format!(",\"{switch}\":\"on\""), String::new()] {
            let e = check(&format!("{{\"extid\":\"1\",\"{to}\":\"Mobile Number\"{switch_part}}}"), None).unwrap_err();
            assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some(to))], "{to} {switch_part}");
            assert!(e[0].message.ends_with("is Mobile Number."), "{}", e[0].message);
        }
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"Mobile Number\",\"{switch}\":\"OFF\"}}"), None).is_ok());
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"mobile number\",\"mobile\":\"13800000000\"}}"), None).is_ok());
    }
}

#[test]
fn r2_custom_number_and_r3_extension() {
    for (p, switch) in [("a", "alwaysforward"), ("n", "noanswerforward"), ("b", "busyforward")] {
        let to = format!("{p}transferto");
        let num = format!("{p}transfernum");
        let ext = format!("{p}transferext");
        let e = check(&format!("{{\"extid\":\"1\",\"{to}\":\"Custom Number\",\"{switch}\":\"on\"}}"), None).unwrap_err();
        assert_eq!(summary(&e), [(num.as_str(), Code::RequiredIf, Some(to.as_str()))]);
        let e = check(&format!("{{\"extid\":\"1\",\"{to}\":\"Custom Number\",\"{num}\":\"\"}}"), None).unwrap_err();
        assert_eq!(summary(&e), [(num.as_str(), Code::RequiredIf, Some(to.as_str()))]);
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"Custom Number\",\"{num}\":\"5550100\"}}"), None).is_ok());
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"Custom Number\",\"{switch}\":false}}"), None).is_ok());

        let e = check(&format!("{{\"extid\":\"1\",\"{to}\":\"extension\"}}"), None).unwrap_err();
        assert_eq!(summary(&e), [(ext.as_str(), Code::RequiredIf, Some(to.as_str()))]);
        assert!(e[0].message.ends_with("is Extension."));
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"Extension\",\"{ext}\":3002}}"), None).is_ok());
        // Voicemail needs neither.
        assert!(check(&format!("{{\"extid\":\"1\",\"{to}\":\"Voicemail\"}}"), None).is_ok());
    }
}

#[test]
fn rules_read_the_current_state_under_the_update() {
    // The sample has mobility off and no mobile (spelled `moblie`): turning mobility on needs one.
    let e = check(r#"{"extid":"1000","enablemobile":"on"}"#, Some(QUERY_ITEM)).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    // A mobile number already stored (under the vendor's `moblie` spelling) satisfies R1.
    let stored = QUERY_ITEM.replace(r#""moblie":"""#, r#""moblie":"13800000000""#);
    assert_eq!(check(r#"{"extid":"1000","enablemobile":"on"}"#, Some(&stored)).unwrap(), r#"{"extid":"1000","enablemobile":"on"}"#);
    // `mobile` wins over `moblie` when both are there.
    let both = stored.replace(r#""email":"""#, r#""mobile":"","email":"""#);
    assert!(check(r#"{"extid":"1000","enablemobile":"on"}"#, Some(&both)).is_err());
    // Clearing the stored number while mobility is on in current is refused.
    let on = stored.replace(r#""enablemobile":"off""#, r#""enablemobile":"on""#);
    let e = check(r#"{"extid":"1000","mobile":""}"#, Some(&on)).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    // The update's switch overrides current: turning mobility off allows the clear.
    assert!(check(r#"{"extid":"1000","mobile":"","enablemobile":"off"}"#, Some(&on)).is_ok());
    // Current has no-answer forwarding on to Voicemail; a destination change alone is checked with it.
    let e = check(r#"{"extid":"1000","ntransferto":"Custom Number"}"#, Some(QUERY_ITEM)).unwrap_err();
    assert_eq!(summary(&e), [("ntransfernum", Code::RequiredIf, Some("ntransferto"))]);
    // alwaysforward is off in current: its destination may point at a blank number.
    assert!(check(r#"{"extid":"1000","atransferto":"Custom Number"}"#, Some(QUERY_ITEM)).is_ok());
    // Turning always-forward on with the stored destination blank is not affected (no destination).
    assert!(check(r#"{"extid":"1000","alwaysforward":"on"}"#, Some(QUERY_ITEM)).is_ok());
    // A stored value that fails its own checks neither satisfies nor triggers a rule.
    let bad_mobile = QUERY_ITEM.replace(r#""moblie":"""#, r#""moblie":"abc""#);
    let e = check(r#"{"extid":"1000","enablemobile":"on"}"#, Some(&bad_mobile)).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    let bad_switch = QUERY_ITEM.replace(r#""enablemobile":"off""#, r#""enablemobile":"maybe""#);
    assert!(check(r#"{"extid":"1000","mobile":""}"#, Some(&bad_switch)).is_ok());
    // Read-only and unknown fields of current are ignored; current's errors are not reported.
    let odd = QUERY_ITEM.replace(r#""dnd":"off""#, r#""dnd":"maybe","port":"1""#);
    assert!(check(r#"{"extid":"1000","username":"Amy"}"#, Some(&odd)).is_ok());
}

#[test]
fn without_current_a_required_field_must_be_in_the_update() {
    // The rule fires on the update alone, and is quiet once the update carries the number.
    assert!(check(r#"{"extid":"1","btransferto":"Custom Number"}"#, None).is_err());
    assert!(check(r#"{"extid":"1","btransferto":"Custom Number","btransfernum":"100"}"#, None).is_ok());
}

#[test]
fn a_field_that_failed_its_own_check_is_not_reported_twice_or_used() {
    // mobile is invalid: its own error stands, no required_if on top.
    let e = check(r#"{"extid":"1","enablemobile":"on","mobile":"abc"}"#, None).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::NotDigits, None)]);
    // An invalid destination triggers nothing.
    let e = check(r#"{"extid":"1","atransferto":"Mobile"}"#, None).unwrap_err();
    assert_eq!(summary(&e), [("atransferto", Code::NotAllowedValue, None)]);
    // Several triggers on mobile: one error, naming the first rule in the list.
    let e = check(r#"{"extid":"1","enablemobile":"on","atransferto":"Mobile Number","btransferto":"Mobile Number"}"#, None).unwrap_err();
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
}

#[test]
fn validate_field_reports_cross_rules_on_that_field_with_current() {
    let on = QUERY_ITEM.replace(r#""enablemobile":"off""#, r#""enablemobile":"on""#);
    let current = Input::parse_json(&on).unwrap();
    let options = Options { current: Some(&current), ..Options::default() };
    let e = validate_field_json("mobile", r#""""#, &options);
    assert_eq!(summary(&e), [("mobile", Code::RequiredIf, Some("enablemobile"))]);
    assert!(validate_field_json("mobile", r#""13800000000""#, &options).is_empty());
    // The trigger field itself has no error: the error belongs to mobile.
    assert!(validate_field_json("enablemobile", r#""on""#, &Options::default()).is_empty());
}

#[test]
fn the_list_names_what_each_rule_reads() {
    assert_eq!(CROSS_RULES.len(), 10);
    for rule in &CROSS_RULES {
        let reads = rule.reads();
        assert!(reads.contains(&rule.reports_on) && reads.contains(&rule.because()));
    }
    let r1: Vec<_> = CROSS_RULES.iter().filter(|r| r.name == "R1").map(|r| r.because()).collect();
    assert_eq!(r1, ["enablemobile", "atransferto", "ntransferto", "btransferto"]);
}
