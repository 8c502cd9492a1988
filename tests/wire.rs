//! The wire format (SPEC §1): compact, table order, strings only, `on`/`off`, vendor spellings,
//! only the fields given, and idempotence (a body validated again gives the same bytes).

use yeastar_extension_update::table::FIELDS;
use yeastar_extension_update::{validate_json, Input, Options, UnknownFields, Value};

fn body(json: &str) -> String {
    validate_json(json, &Options::default()).unwrap_or_else(|e| panic!("{json}: {e:?}")).into_string()
}

/// Every field given, in reverse table order, in loose input forms.
const ALL_FIELDS_SHUFFLED: &str = r#"{
  "agentid": " 6932 ", "callrestriction": false, "dnd": "OFF", "maxduration": "follow system",
  "ringtimeout": 30, "monitormode": "disable", "allowbeingmonitored": true, "mobileprefix": "9",
  "ringsimultaneous": "on", "enablemobile": "On", "btransfernum": "", "btransferprefix": "",
  "btransferext": 3002, "btransferto": "extension", "busyforward": "on", "ntransfernum": "5550100",
  "ntransferprefix": "0", "ntransferext": "", "ntransferto": "custom number", "noanswerforward": "on",
  "atransfernum": "", "atransferprefix": "", "atransferext": "", "atransferto": "VOICEMAIL",
  "alwaysforward": "off", "vmsecret": " 1000", "enablevmtoemail": "off", "hasvoicemail": "on",
  "mobile": "13800000000", "email": " apple@yeastar.com ", "loginpassword": "s3cret!pw",
  "maxregistrations": "03", "registerpassword": "xMn5W4Gs", "registername": "1000",
  "callerid": " 1000 ", "username": " Ina Tang ", "extnumber": 1001, "extid": 1000
}"#;

#[test]
fn all_fields_come_out_in_table_order_as_strings() {
    // vmsecret is a secret, never trimmed: " 1000" is refused (see errors.rs); give a clean one.
    let input = ALL_FIELDS_SHUFFLED.replace(r#""vmsecret": " 1000""#, r#""vmsecret": "1000""#);
    let out = body(&input);
    assert_eq!(
        out,
        concat!(
            r#"{"extid":"1000","extnumber":"1001","username":"Ina Tang","callerid":"1000","registername":"1000","#,
            r#""registerpassword":"xMn5W4Gs","maxregistrations":"3","loginpassword":"s3cret!pw","email":"apple@yeastar.com","#,
            r#""mobile":"13800000000","hasvoicemail":"on","enablevmtoemail":"off","vmsecret":"1000","alwaysforward":"off","#,
            r#""atransferto":"Voicemail","atransferext":"","atransferprefix":"","atransfernum":"","noanswerforward":"on","#,
            r#""ntransferto":"Custom Number","ntransferext":"","ntransferprefix":"0","ntransfernum":"5550100","busyforward":"on","#,
            r#""btransferto":"Extension","btransferext":"3002","btransferprefix":"","btransfernum":"","enablemobile":"on","#,
            r#""ringsimultaneous":"on","mobileprefix":"9","allowbeingmonitored":"on","monitormode":"Disabled","ringtimeout":"30","#,
            r#""maxduration":"Follow System","dnd":"off","callrestriction":"off","agentid":"6932"}"#
        )
    );
    // Keys are exactly the table, in order.
    let keys: Vec<String> = Input::parse_json(&out).unwrap().entries.into_iter().map(|(k, _)| k.into_owned()).collect();
    let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(keys, names);
}

#[test]
fn the_vendor_sample() {
    assert_eq!(body(r#"{"extid": "1002","username": "Amy"}"#), r#"{"extid":"1002","username":"Amy"}"#);
}

#[test]
fn extid_always_first_and_only_given_fields() {
    assert_eq!(body(r#"{"dnd":"on","extid":"7"}"#), r#"{"extid":"7","dnd":"on"}"#);
    assert_eq!(body(r#"{"extid":"7","dnd":null,"username":null}"#), r#"{"extid":"7"}"#);
}

#[test]
fn idempotent_bytes() {
    let cases = [
        r#"{"extid":"1002","username":"Amy"}"#,
        r#"{"extid":1,"email":"","username":"  Zoë  ","hasvoicemail":true,"ringtimeout":300}"#,
        r#"{"extid":"1","registerpassword":"a\u00e9b","loginpassword":"\u5bc6\u7801abcdef"}"#,
        r#"{"extid":"1","registerpassword":"p/ss","username":"\u2028"}"#,
    ];
    for case in cases {
        let once = body(case);
        let twice = body(&once);
        assert_eq!(once, twice, "{case}");
        let strip = Options { unknown_fields: UnknownFields::Strip, ..Options::default() };
        assert_eq!(validate_json(&once, &strip).unwrap().into_string(), once);
    }
}

#[test]
fn strings_are_escaped_as_json_stringify_does() {
    // Names cannot hold control characters, but a secret can hold any non-forbidden character;
    // exercise the writer directly through passwords with non-ASCII and `/`.
    assert_eq!(body(r#"{"extid":"1","registerpassword":"a/b\u00e9"}"#), "{\"extid\":\"1\",\"registerpassword\":\"a/bé\"}");
    // U+2028 is not escaped by JSON.stringify either (it is trimmed from names as JS trims it).
    assert_eq!(body("{\"extid\":\"1\",\"username\":\"\u{2028}Amy\"}"), r#"{"extid":"1","username":"Amy"}"#);
}

#[test]
fn native_input_with_borrowed_and_owned_values() {
    let mut input = Input::new();
    input.push("extid", Value::Number(Some(42)));
    input.push(String::from("callerid"), Value::from(String::from("Reception")));
    input.push("dnd", Value::from(true));
    let out = yeastar_extension_update::validate(&input, &Options::default()).unwrap();
    assert_eq!(out.as_str(), r#"{"extid":"42","callerid":"Reception","dnd":"on"}"#);
}

#[test]
fn strip_drops_unknown_keys_only() {
    let strip = Options { unknown_fields: UnknownFields::Strip, ..Options::default() };
    let out = validate_json(r#"{"status":"Registered","extid":"1","moblie":"1","type":"SIP","dnd":"on"}"#, &strip).unwrap();
    assert_eq!(out.as_str(), r#"{"extid":"1","dnd":"on"}"#);
}
