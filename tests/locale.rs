//! Messages in every locale (issue 3): each error code has its sentence in English and in
//! Simplified Chinese; fields, codes and params do not depend on the locale.

use yeastar_extension_update::{validate_field_json, validate_json, Code, FieldError, Input, Locale, Options};

fn errors(text: &str, locale: Locale) -> Vec<FieldError> {
    let current = Input::parse_json(r#"{"enablemobile":"on"}"#).unwrap();
    let options = Options { locale, current: Some(&current), ..Options::default() };
    validate_json(text, &options).err().unwrap_or_default()
}

/// One input per error code, with the zh-CN sentence it gives.
#[rustfmt::skip]
const CASES: &[(&str, Code, &str)] = &[
    (r#"{"username":"A"}"#, Code::Required, "分机号为必填项。"),
    (r#"{"extid":"1","mobile":""}"#, Code::RequiredIf, "移动分机为 on 时，手机号码不能为空。"),
    (r#"{"extid":"1","registername":" "}"#, Code::Blank, "注册名称不能为空。"),
    (r#"{"extid":"1","mobileprefix":"12345678"}"#, Code::TooLong, "移动分机前缀最多 7 个字符。"),
    (r#"{"extid":"1","loginpassword":"abc"}"#, Code::TooShort, "登录密码至少需要 6 个字符。"),
    (r#"{"extid":"1a"}"#, Code::NotDigits, "分机号只能包含数字（0-9）。"),
    (r#"{"extid":"1","username":"A!"}"#, Code::InvalidChars, "姓名只能包含字母、数字和空格。"),
    (r#"{"extid":"1","maxregistrations":"9"}"#, Code::OutOfRange, "并发注册数必须是 1 到 5 之间的数字。"),
    (r#"{"extid":"1","ringtimeout":"7"}"#, Code::NotAllowedValue, "响铃超时必须是以下之一：15、30、60、120、300。"),
    (r#"{"extid":"1","email":"x"}"#, Code::InvalidEmail, "电子邮箱必须是有效的电子邮箱地址，例如 name@example.com。"),
    (r#"{"extid":"1","dnd":1}"#, Code::WrongType, "免打扰必须是 \"on\" 或 \"off\"（或 true、false）。"),
    (r#"{"extid":"1","moblie":"1"}"#, Code::UnknownField, "\"moblie\" 不是分机更新 API 的字段。您是想输入 \"mobile\" 吗？"),
    ("[]", Code::NotAnObject, "输入必须是由字段名和值组成的对象。"),
    (r#"{"extid":"1",}"#, Code::InvalidJson, "文本不是有效的 JSON：此处应为双引号括起的键（第 1 行，第 14 列）。"),
];

#[test]
fn every_error_code_has_its_sentence_in_each_locale() {
    assert_eq!(CASES.len(), Code::ALL.len());
    for (text, code, zh_message) in CASES {
        let (en, zh) = (errors(text, Locale::En), errors(text, Locale::ZhCn));
        let first = zh.iter().find(|e| e.code == *code).unwrap_or_else(|| panic!("{text}: {zh:?}"));
        assert_eq!(first.message, *zh_message, "{text}");
        assert_eq!(en.len(), zh.len());
        for (a, b) in en.iter().zip(&zh) {
            assert_eq!((&a.field, a.code, &a.params), (&b.field, b.code, &b.params));
            assert_ne!(a.message, b.message, "{text}: not translated");
        }
    }
}

#[test]
fn single_field_checks_and_parse_errors_follow_the_locale() {
    let zh = Options { locale: Locale::ZhCn, ..Options::default() };
    assert_eq!(validate_field_json("extid", "\"\"", &zh)[0].message, "分机号不能为空。");
    assert_eq!(validate_field_json("extid", "{", &zh)[0].code, Code::InvalidJson);
    assert_eq!(Input::parse_json_in("1", Locale::ZhCn).unwrap_err().message, "输入必须是由字段名和值组成的对象。");
    // The secret's value never appears, in any locale.
    let e = &validate_field_json("registerpassword", "\"a b<SECRET>\"", &zh)[0];
    assert!(!e.message.contains("SECRET"));
}
