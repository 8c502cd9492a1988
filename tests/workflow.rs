//! fromQuery and diff: load an extension from the query API, edit, send what changed.

use yeastar_extension_update::workflow::{diff, from_query};
use yeastar_extension_update::{errors_to_json, Code, Input, Options};

/// The vendor's sample answer of `/extension/query` (SPEC §6).
const QUERY_ITEM: &str = r#"{"extnumber":"1000","username":"Jayson","status":"Registered","type":"SIP","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","maxregistrations":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","email":"","moblie":"","language":"System Default","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","btransferto":"Voicemail","btransferprefix":"","ringsimultaneous":"off","mobileprefix":"","enablemobile":"off","allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":""}"#;

#[test]
fn from_query_maps_the_vendor_sample() {
    let state = from_query(&Input::parse_json(QUERY_ITEM).unwrap());
    assert_eq!(
        state.to_json(),
        concat!(
            r#"{"extid":"1000","username":"Jayson","callerid":"1000","registername":"1000","registerpassword":"xMn5W4Gs","#,
            r#""maxregistrations":"1","email":"","mobile":"","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","#,
            r#""alwaysforward":"off","noanswerforward":"on","ntransferto":"Voicemail","ntransferprefix":"","busyforward":"on","#,
            r#""btransferto":"Voicemail","btransferprefix":"","enablemobile":"off","ringsimultaneous":"off","mobileprefix":"","#,
            r#""allowbeingmonitored":"off","monitormode":"Disabled","ringtimeout":"30","maxduration":"Follow System","dnd":"off","#,
            r#""callrestriction":"off","agentid":""}"#
        )
    );
    // The state is a valid update as it stands.
    assert!(yeastar_extension_update::validate(&state.as_input(), &Options::default()).is_ok());
}

#[test]
fn from_query_normalises_and_keeps_what_it_cannot() {
    let item = Input::parse_json(r#"{"extnumber":"1001","mobile":"139","moblie":"138","dnd":"ON","monitormode":"Disable","username":"Bad!","port":"FXS1","inbound":"x","extid":"9","unknown":"1"}"#).unwrap();
    assert_eq!(from_query(&item).to_json(), r#"{"extid":"1001","username":"Bad!","mobile":"139","monitormode":"Disabled","dnd":"on"}"#);
}

#[test]
fn diff_sends_extid_and_what_changed() {
    let before = from_query(&Input::parse_json(QUERY_ITEM).unwrap());
    let mut after = before.clone();
    for (k, v) in after.fields.iter_mut() {
        match *k {
            "username" => *v = " Jayson Li ".into(),
            "dnd" => *v = "ON".into(),
            "ringtimeout" => *v = "30".into(),
            _ => {}
        }
    }
    let d = diff(&before.as_input(), &after.as_input(), &Options::default());
    assert_eq!(d.changed, ["username", "dnd"]);
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","username":"Jayson Li","dnd":"on"}"#);
    // Equal states: extid only.
    let same = diff(&before.as_input(), &before.as_input(), &Options::default());
    assert!(same.changed.is_empty());
    assert_eq!(same.report.outcome.unwrap().as_str(), r#"{"extid":"1000"}"#);
}

#[test]
fn diff_is_validated_on_the_merged_state() {
    let before = Input::parse_json(r#"{"extid":"1000","enablemobile":"on","mobile":"13800000000"}"#).unwrap();
    let after = Input::parse_json(r#"{"extid":"1000","enablemobile":"on","mobile":""}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.changed, ["mobile"]);
    let errors = d.report.outcome.unwrap_err();
    assert_eq!((errors[0].field.as_str(), errors[0].code, errors[0].params.because), ("mobile", Code::RequiredIf, Some("enablemobile")));
    // An invalid new value is sent and reported; a field left out of `after` is unchanged.
    let after = Input::parse_json(r#"{"extid":"1000","dnd":"maybe"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.changed, ["dnd"]);
    assert!(errors_to_json(&d.report.outcome.unwrap_err()).contains("not_allowed_value"));
    // extid from `before` when `after` has none.
    let d = diff(&before, &Input::parse_json(r#"{"mobile":"139"}"#).unwrap(), &Options::default());
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","mobile":"139"}"#);
}

#[test]
fn diff_passes_unknown_keys_on_and_reports_warnings() {
    let before = Input::parse_json(r#"{"extid":"1000","hasvoicemail":"off","noanswerforward":"on","ntransferto":"Extension","ntransferext":"1001"}"#).unwrap();
    // A typo is not dropped silently: it is reported (or stripped when asked).
    let after = Input::parse_json(r#"{"extid":"1000","moblie":"139"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert!(d.changed.is_empty());
    let errors = d.report.outcome.unwrap_err();
    assert_eq!((errors[0].code, errors[0].params.suggestion), (Code::UnknownField, Some("mobile")));
    let strip = Options { unknown_fields: yeastar_extension_update::UnknownFields::Strip, ..Options::default() };
    assert_eq!(diff(&before, &after, &strip).report.outcome.unwrap().as_str(), r#"{"extid":"1000"}"#);
    // Warnings read the merged state: forwarding to itself after the edit.
    let after = Input::parse_json(r#"{"extid":"1000","ntransferext":"1000"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","ntransferext":"1000"}"#);
    assert_eq!(d.report.warnings.len(), 1);
    assert_eq!((d.report.warnings[0].field.as_str(), d.report.warnings[0].code), ("ntransferext", Code::ForwardToSelf));
}

#[test]
fn diff_keeps_the_loaded_extension_and_reads_another_extid_as_a_renumbering() {
    let before = Input::parse_json(r#"{"extid":"1000","username":"Jayson"}"#).unwrap();
    let after = Input::parse_json(r#"{"extid":" 1001 ","username":"Jayson Li"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.changed, ["extnumber", "username"]);
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","extnumber":"1001","username":"Jayson Li"}"#);
    // An explicit extnumber wins; the same number written differently is no change.
    let after = Input::parse_json(r#"{"extid":"1001","extnumber":"2000"}"#).unwrap();
    assert_eq!(diff(&before, &after, &Options::default()).report.outcome.unwrap().as_str(), r#"{"extid":"1000","extnumber":"2000"}"#);
    let after = Input::parse_json(r#"{"extid":1000}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert!(d.changed.is_empty());
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000"}"#);
    // An invalid extid in after is reported, not dropped.
    let after = Input::parse_json(r#"{"extid":"10x"}"#).unwrap();
    let errors = diff(&before, &after, &Options::default()).report.outcome.unwrap_err();
    assert_eq!((errors[0].field.as_str(), errors[0].code), ("extid", Code::NotDigits));
}

#[test]
fn diff_does_not_resend_a_stored_value_the_rules_refuse() {
    // The PBX holds a name our rules refuse: editing something else still works.
    let before = Input::parse_json(r#"{"extid":"1000","username":"a-b","dnd":"off"}"#).unwrap();
    let after = Input::parse_json(r#"{"extid":"1000","username":"a-b","dnd":"on"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.changed, ["dnd"]);
    assert_eq!(d.report.outcome.unwrap().as_str(), r#"{"extid":"1000","dnd":"on"}"#);
    // Changed to another invalid value: sent and reported.
    let after = Input::parse_json(r#"{"extid":"1000","username":"a-c"}"#).unwrap();
    let d = diff(&before, &after, &Options::default());
    assert_eq!(d.changed, ["username"]);
    assert_eq!(d.report.outcome.unwrap_err()[0].code, Code::InvalidChars);
}

#[test]
fn the_read_only_fields_of_a_query_answer_are_not_fields_of_the_update() {
    for name in yeastar_extension_update::workflow::READ_ONLY {
        assert!(yeastar_extension_update::table::field(name).is_none(), "{name}");
    }
}
