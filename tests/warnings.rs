//! Warnings (issue 3): per warning, inputs that raise it and inputs that do not; they never
//! block a body, never sit on a field with an error, and read `current` under the update.

use yeastar_extension_update::{validate_json_with_warnings, Code, FieldError, Input, Locale, Options};

fn warnings(input: &str, current: Option<&str>) -> Vec<FieldError> {
    let current = current.map(|c| Input::parse_json(c).unwrap());
    let options = Options { current: current.as_ref(), ..Options::default() };
    validate_json_with_warnings(input, &options).warnings
}

fn shape(w: &[FieldError]) -> Vec<(String, Code, Option<&'static str>)> {
    w.iter().map(|w| (w.field.clone(), w.code, w.params.because)).collect()
}

/// (input, current, expected warnings as (field, code, because)).
type Case = (&'static str, Option<&'static str>, &'static [(&'static str, Code, Option<&'static str>)]);

#[rustfmt::skip]
const RAISED: &[Case] = &[
    (r#"{"extid":"1","enablevmtoemail":"on"}"#, None, &[("email", Code::VmToEmailWithoutEmail, Some("enablevmtoemail"))]),
    (r#"{"extid":"1","enablevmtoemail":true,"email":"  "}"#, None, &[("email", Code::VmToEmailWithoutEmail, Some("enablevmtoemail"))]),
    (r#"{"extid":"1","enablevmtoemail":"on"}"#, Some(r#"{"email":""}"#), &[("email", Code::VmToEmailWithoutEmail, Some("enablevmtoemail"))]),
    (r#"{"extid":"1","email":""}"#, Some(r#"{"enablevmtoemail":"on"}"#), &[("email", Code::VmToEmailWithoutEmail, Some("enablevmtoemail"))]),
    (r#"{"extid":"1","hasvoicemail":"off","alwaysforward":"on","atransferto":"Voicemail"}"#, None, &[("atransferto", Code::ForwardToDisabledVoicemail, Some("hasvoicemail"))]),
    // A rule whose switch is not known is live (as for R1-R3).
    (r#"{"extid":"1","hasvoicemail":"off","ntransferto":"Voicemail"}"#, None, &[("ntransferto", Code::ForwardToDisabledVoicemail, Some("hasvoicemail"))]),
    // The vendor's query sample forwards to Voicemail: turning voicemail off warns twice.
    (r#"{"extid":"1000","hasvoicemail":"off"}"#, Some(r#"{"noanswerforward":"on","ntransferto":"Voicemail","busyforward":"on","btransferto":"Voicemail"}"#),
        &[("ntransferto", Code::ForwardToDisabledVoicemail, Some("hasvoicemail")), ("btransferto", Code::ForwardToDisabledVoicemail, Some("hasvoicemail"))]),
    (r#"{"extid":"1002","busyforward":"on","btransferto":"Extension","btransferext":"1002"}"#, None, &[("btransferext", Code::ForwardToSelf, Some("extid"))]),
    (r#"{"extid":1002,"atransferto":"Extension","atransferext":" 1002 "}"#, None, &[("atransferext", Code::ForwardToSelf, Some("extid"))]),
    (r#"{"extid":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779"}"#, None, &[("loginpassword", Code::PasswordLooksHashed, None)]),
    (r#"{"extid":"1","loginpassword":"5E12BA8DD1083A7F946E457CF3C18779"}"#, None, &[("loginpassword", Code::PasswordLooksHashed, None)]),
    (r#"{"extid":"1","ringsimultaneous":"on","enablemobile":"off"}"#, None, &[("ringsimultaneous", Code::RingWithoutMobile, Some("enablemobile"))]),
    (r#"{"extid":"1","ringsimultaneous":"on"}"#, Some(r#"{"enablemobile":"off","mobile":"139"}"#), &[("ringsimultaneous", Code::RingWithoutMobile, Some("enablemobile"))]),
    (r#"{"extid":"1","ringsimultaneous":"on","mobile":""}"#, None, &[("ringsimultaneous", Code::RingWithoutMobile, Some("mobile"))]),
    // Several at once, in table order of the fields they sit on.
    (r#"{"extid":"7","loginpassword":"00000000000000000000000000000000","enablevmtoemail":"on","ringsimultaneous":"on","enablemobile":"off"}"#, None,
        &[("loginpassword", Code::PasswordLooksHashed, None), ("email", Code::VmToEmailWithoutEmail, Some("enablevmtoemail")), ("ringsimultaneous", Code::RingWithoutMobile, Some("enablemobile"))]),
];

#[rustfmt::skip]
const QUIET: &[(&str, Option<&str>)] = &[
    (r#"{"extid":"1","enablevmtoemail":"on","email":"a@b.c"}"#, None),
    (r#"{"extid":"1","enablevmtoemail":"off","email":""}"#, None),
    (r#"{"extid":"1","enablevmtoemail":"on"}"#, Some(r#"{"email":"a@b.c"}"#)),
    (r#"{"extid":"1","hasvoicemail":"on","alwaysforward":"on","atransferto":"Voicemail"}"#, None),
    (r#"{"extid":"1","hasvoicemail":"off","alwaysforward":"off","atransferto":"Voicemail"}"#, None),
    // Voicemail state unknown: no warning.
    (r#"{"extid":"1","alwaysforward":"on","atransferto":"Voicemail"}"#, None),
    (r#"{"extid":"1002","busyforward":"on","btransferto":"Extension","btransferext":"1003"}"#, None),
    (r#"{"extid":"1002","busyforward":"off","btransferto":"Extension","btransferext":"1002"}"#, None),
    (r#"{"extid":"1002","busyforward":"on","btransferto":"Voicemail","btransferext":"1002"}"#, None),
    (r#"{"extid":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c1877"}"#, None),
    (r#"{"extid":"1","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779x"}"#, None),
    (r#"{"extid":"1","loginpassword":"ge12ba8dd1083a7f946e457cf3c18779"}"#, None),
    // A stored hash is not sent: no warning about it.
    (r#"{"extid":"1","username":"A"}"#, Some(r#"{"loginpassword":"5e12ba8dd1083a7f946e457cf3c18779"}"#)),
    (r#"{"extid":"1","ringsimultaneous":"on","enablemobile":"on","mobile":"139"}"#, None),
    (r#"{"extid":"1","ringsimultaneous":"off","enablemobile":"off"}"#, None),
    // Mobility state unknown and no mobile known: no warning.
    (r#"{"extid":"1","ringsimultaneous":"on"}"#, None),
];

#[test]
fn each_warning_is_raised_where_it_should_be() {
    for (input, current, expected) in RAISED {
        let got = warnings(input, *current);
        let want: Vec<_> = expected.iter().map(|(f, c, b)| (f.to_string(), *c, *b)).collect();
        assert_eq!(shape(&got), want, "{input} with current {current:?}");
        for w in &got {
            assert!(w.code.is_warning() && !w.message.is_empty());
        }
    }
}

#[test]
fn and_only_there() {
    for (input, current) in QUIET {
        assert_eq!(shape(&warnings(input, *current)), vec![], "{input} with current {current:?}");
    }
}

#[test]
fn warnings_never_block_a_body_and_never_sit_on_a_field_with_an_error() {
    let r = validate_json_with_warnings(r#"{"extid":"1","enablevmtoemail":"on"}"#, &Options::default());
    assert_eq!(r.outcome.unwrap().as_str(), r#"{"extid":"1","enablevmtoemail":"on"}"#);
    // With errors elsewhere, warnings still come.
    let r = validate_json_with_warnings(r#"{"extid":"x","enablevmtoemail":"on"}"#, &Options::default());
    assert_eq!(r.outcome.unwrap_err()[0].field, "extid");
    assert_eq!(r.warnings[0].field, "email");
    // An invalid email is an error, not also a warning; enablemobile on + blank mobile is R1's error.
    let r = validate_json_with_warnings(r#"{"extid":"1","enablevmtoemail":"on","email":"@"}"#, &Options::default());
    assert!(r.warnings.is_empty());
    let r = validate_json_with_warnings(r#"{"extid":"1","ringsimultaneous":"on","enablemobile":"on","mobile":""}"#, &Options::default());
    assert_eq!(r.outcome.unwrap_err()[0].code, Code::RequiredIf);
    assert!(r.warnings.is_empty());
    // Text that is not JSON has no warnings.
    assert!(validate_json_with_warnings("{", &Options::default()).warnings.is_empty());
}

#[test]
fn warning_messages_in_both_locales_name_the_fields_never_the_values() {
    let text = r#"{"extid":"1002","loginpassword":"5e12ba8dd1083a7f946e457cf3c18779","enablevmtoemail":"on","hasvoicemail":"off","alwaysforward":"on","atransferto":"Voicemail","busyforward":"on","btransferto":"Extension","btransferext":"1002","ringsimultaneous":"on","enablemobile":"off"}"#;
    let en = validate_json_with_warnings(text, &Options::default()).warnings;
    let zh = validate_json_with_warnings(text, &Options { locale: Locale::ZhCn, ..Options::default() }).warnings;
    let codes: Vec<Code> = en.iter().map(|w| w.code).collect();
    assert_eq!(codes, [Code::PasswordLooksHashed, Code::VmToEmailWithoutEmail, Code::ForwardToDisabledVoicemail, Code::ForwardToSelf, Code::RingWithoutMobile]);
    let messages: Vec<&str> = en.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages, [
        "Login password looks like an MD5 hash (32 hex digits), which is what the query API returns: sending it would make the hash the password.",
        "Send voicemail to email is on but Email address is blank: voicemail cannot be sent by email.",
        "Always forward destination is Voicemail but Voicemail is off: forwarded calls will find no voicemail.",
        "Busy forward extension is this extension itself: calls would be forwarded back to it.",
        "Ring simultaneously is on but Mobility extension is off: no mobile phone will ring.",
    ]);
    assert_eq!(zh[1].message, "语音留言发送到邮箱已开启，但电子邮箱为空：语音留言无法发送到邮箱。");
    for (a, b) in en.iter().zip(&zh) {
        assert_eq!((&a.field, a.code, &a.params), (&b.field, b.code, &b.params));
        assert_ne!(a.message, b.message);
        for m in [&a.message, &b.message] {
            assert!(!m.contains("5e12ba8d") && !m.contains("1002"), "{m}");
        }
    }
}
