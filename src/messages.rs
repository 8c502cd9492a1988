//! The message catalogue: one sentence template per message, in each locale.
//!
//! ```
//! use yeastar_extension_update::{validate_json, Locale, Options};
//! let options = Options { locale: Locale::ZhCn, ..Options::default() };
//! let errors = validate_json(r#"{"extid":"12a"}"#, &options).unwrap_err();
//! assert_eq!(errors[0].message, "分机号只能包含数字（0-9）。");
//! ```
//!
//! Templates name what they need in braces: `{label}` (the field's label in the locale),
//! `{min}`, `{max}`, `{allowed}`, `{because}` (the label of the field named by
//! `params.because`), `{when}`, `{key}`, `{suggestion}`, `{what}`, `{reason}`, `{line}`,
//! `{column}`. Codes and params never depend on the locale; only the sentence does. Nothing
//! in a template or an argument is ever a field's value (`{key}` is an input *key*).

use crate::error::push_u64;

/// The language of messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Locale {
    /// Every locale, in the order the catalogue holds them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The locale of a BCP 47 tag: `zh-CN` (also `zh`, `zh-Hans`, any case) is Simplified
    /// Chinese; anything else falls back to English.
    pub fn from_tag(tag: &str) -> Locale {
        let lower = tag.trim().to_ascii_lowercase();
        match lower.as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" | "zh_cn" => Locale::ZhCn,
            _ => Locale::En,
        }
    }

    /// The tag, e.g. `"zh-CN"`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }
}

/// Which sentence: one per code, or per wording a code needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Msg {
    Required,
    RequiredIf,
    Blank,
    TooLong,
    TooShort,
    NotDigits,
    CharsName,
    CharsAsciiAlnum,
    CharsPassword,
    LoneSurrogate,
    OutOfRange,
    NotAllowedValue,
    InvalidEmail,
    TypeString,
    TypeStringOrNumber,
    TypeStringOrBool,
    Unknown,
    UnknownWithSuggestion,
    NotAnObject,
    NotAnArray,
    InvalidJson,
    Repeated,
    VmToEmailWithoutEmail,
    ForwardToDisabledVoicemail,
    ForwardToSelf,
    PasswordLooksHashed,
    RingWithMobilityOff,
    RingWithMobileBlank,
    Invalid,
}

/// Number of messages (rows of each locale's catalogue).
const N: usize = 29;

/// English, as SPEC §4 asks: one sentence a form can show as is.
#[rustfmt::skip]
static EN: [&str; N] = [
    "{label} is required.",
    "{label} cannot be blank when {because} is {when}.",
    "{label} cannot be blank.",
    "{label} can be at most {max} characters long.",
    "{label} must be at least {min} characters long.",
    "{label} can contain only digits (0-9).",
    "{label} can contain only letters, digits and spaces.",
    "{label} can contain only letters A-Z, a-z and digits 0-9.",
    "{label} cannot contain spaces, control characters or any of ; & \" ' ` \\ < > |.",
    "{label} contains a broken character (an unpaired UTF-16 surrogate).",
    "{label} must be a number from {min} to {max}.",
    "{label} must be one of: {allowed}.",
    "{label} must be a valid email address, like name@example.com.",
    "{label} must be a string.",
    "{label} must be a string of digits or a whole number.",
    "{label} must be \"on\" or \"off\" (or true or false).",
    "\"{key}\" is not a field of the extension update API.",
    "\"{key}\" is not a field of the extension update API. Did you mean \"{suggestion}\"?",
    "{what} must be an object of field names and values.",
    "A batch must be a JSON array of objects of field names and values.",
    "The text is not valid JSON: {reason} (line {line}, column {column}).",
    "The field \"{key}\" is given more than once.",
    "{because} is on but {label} is blank: voicemail cannot be sent by email.",
    "{label} is Voicemail but {because} is off: forwarded calls will find no voicemail.",
    "{label} is this extension itself: calls would be forwarded back to it.",
    "{label} looks like an MD5 hash (32 hex digits), which is what the query API returns: sending it would make the hash the password.",
    "{label} is on but {because} is off: no mobile phone will ring.",
    "{label} is on but {because} is blank: no mobile phone will ring.",
    "{label} is invalid.",
];

/// Simplified Chinese, row for row.
#[rustfmt::skip]
static ZH_CN: [&str; N] = [
    "{label}为必填项。",
    "{because}为 {when} 时，{label}不能为空。",
    "{label}不能为空。",
    "{label}最多 {max} 个字符。",
    "{label}至少需要 {min} 个字符。",
    "{label}只能包含数字（0-9）。",
    "{label}只能包含字母、数字和空格。",
    "{label}只能包含字母 A-Z、a-z 和数字 0-9。",
    "{label}不能包含空格、控制字符或 ; & \" ' ` \\ < > | 中的任何字符。",
    "{label}包含损坏的字符（未配对的 UTF-16 代理项）。",
    "{label}必须是 {min} 到 {max} 之间的数字。",
    "{label}必须是以下之一：{allowed}。",
    "{label}必须是有效的电子邮箱地址，例如 name@example.com。",
    "{label}必须是字符串。",
    "{label}必须是数字字符串或整数。",
    "{label}必须是 \"on\" 或 \"off\"（或 true、false）。",
    "\"{key}\" 不是分机更新 API 的字段。",
    "\"{key}\" 不是分机更新 API 的字段。您是想输入 \"{suggestion}\" 吗？",
    "{what}必须是由字段名和值组成的对象。",
    "批量输入必须是由对象组成的 JSON 数组。",
    "文本不是有效的 JSON：{reason}（第 {line} 行，第 {column} 列）。",
    "字段 \"{key}\" 出现了不止一次。",
    "{because}已开启，但{label}为空：语音留言无法发送到邮箱。",
    "{label}为 Voicemail，但{because}已关闭：转移的来电无法进入语音信箱。",
    "{label}就是本分机：来电会被转回本分机。",
    "{label}看起来像 MD5 哈希值（32 位十六进制数字），而查询 API 返回的正是哈希值：发送它会把哈希值设为密码。",
    "{label}已开启，但{because}已关闭：不会有手机同时响铃。",
    "{label}已开启，但{because}为空：不会有手机同时响铃。",
    "{label}无效。",
];

/// The JSON reader's reasons (English as the reader says them) in Simplified Chinese.
static JSON_REASONS_ZH: [(&str, &str); 15] = [
    ("unterminated string", "字符串没有结束"),
    ("unexpected character", "意外的字符"),
    ("expected a key in double quotes", "此处应为双引号括起的键"),
    ("expected ':' after the key", "键之后应为 ':'"),
    ("expected ',' or '}'", "此处应为 ',' 或 '}'"),
    ("expected ',' or ']'", "此处应为 ',' 或 ']'"),
    ("control character in a string", "字符串中有控制字符"),
    ("unexpected text after the end", "结尾之后还有多余的文本"),
    ("unexpected end of text", "文本意外结束"),
    ("invalid escape in a string", "字符串中有无效的转义"),
    ("invalid \\u escape", "无效的 \\u 转义"),
    ("expected a digit", "此处应为数字"),
    ("expected a digit in the exponent", "指数部分应为数字"),
    ("expected a digit after '.'", "'.' 之后应为数字"),
    ("a number cannot start with 0", "数字不能以 0 开头"),
];

/// The template of a message in a locale.
pub(crate) fn template(locale: Locale, msg: Msg) -> &'static str {
    let table = match locale {
        Locale::En => &EN,
        Locale::ZhCn => &ZH_CN,
    };
    table.get(msg as usize).copied().unwrap_or("")
}

/// A JSON reader's reason in a locale (unknown reasons stay in English).
pub(crate) fn json_reason(locale: Locale, reason: &'static str) -> &'static str {
    match locale {
        Locale::En => reason,
        Locale::ZhCn => JSON_REASONS_ZH.iter().find(|(en, _)| *en == reason).map_or(reason, |(_, zh)| *zh),
    }
}

/// What `not_an_object` is about (`what`: `"The input"` or `"options.current"`).
pub(crate) fn what(locale: Locale, what: &'static str) -> &'static str {
    match (locale, what) {
        (Locale::ZhCn, "The input") => "输入",
        (Locale::ZhCn, "options.current") => "options.current ",
        _ => what,
    }
}

/// The values a template's placeholders take (unused ones stay empty).
#[derive(Debug, Default)]
pub(crate) struct Args<'a> {
    pub label: &'a str,
    pub because: &'a str,
    pub when: &'a str,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub allowed: &'a [&'a str],
    pub key: &'a str,
    pub suggestion: &'a str,
    pub what: &'a str,
    pub reason: &'a str,
    pub line: u64,
    pub column: u64,
}

/// Fills a template. Keys are shown through `push_key` (bounded and escaped); a placeholder
/// the catalogue does not know is kept as written (a test makes sure there is none).
pub(crate) fn render(locale: Locale, msg: Msg, args: &Args<'_>, push_key: fn(&mut String, &str)) -> String {
    let t = template(locale, msg);
    let mut out = String::with_capacity(t.len() + args.label.len() + 16);
    // Offsets and `str::get`, not `split`/slicing: those keep a panic path (and its formatting
    // machinery, kilobytes of wasm) that a fixed template never needs.
    let mut rest = t;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        let Some(close) = rest.bytes().skip(open).position(|b| b == b'}').map(|n| open + n) else { break };
        let (Some(before), Some(name), Some(after)) = (rest.get(..open), rest.get(open + 1..close), rest.get(close + 1..))
        else {
            break;
        };
        out.push_str(before);
        rest = after;
        match name {
            "label" => out.push_str(args.label),
            "because" => out.push_str(args.because),
            "when" => out.push_str(args.when),
            "min" => push_u64(&mut out, args.min.unwrap_or(0)),
            "max" => push_u64(&mut out, args.max.unwrap_or(0)),
            "allowed" => {
                let sep = if locale == Locale::ZhCn { "、" } else { ", " };
                for (i, v) in args.allowed.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    out.push_str(v);
                }
            }
            "key" => push_key(&mut out, args.key),
            "suggestion" => out.push_str(args.suggestion),
            "what" => out.push_str(args.what),
            "reason" => out.push_str(args.reason),
            "line" => push_u64(&mut out, args.line),
            "column" => push_u64(&mut out, args.column),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACEHOLDERS: [&str; 12] =
        ["label", "because", "when", "min", "max", "allowed", "key", "suggestion", "what", "reason", "line", "column"];

    fn names(t: &str) -> Vec<&str> {
        t.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(n, _)| n)).collect()
    }

    #[test]
    fn every_template_uses_known_placeholders_and_the_same_ones_in_every_locale() {
        for (en, zh) in EN.iter().zip(ZH_CN.iter()) {
            for name in names(en).into_iter().chain(names(zh)) {
                assert!(PLACEHOLDERS.contains(&name), "{name} in {en:?} / {zh:?}");
            }
            let (mut a, mut b) = (names(en), names(zh));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{en:?} / {zh:?}");
            assert_ne!(en, zh);
        }
    }

    #[test]
    fn every_reason_of_the_json_reader_is_translated() {
        let source = include_str!("json.rs");
        let quoted = |s: &str| s.split('"').nth(1).map(str::to_owned);
        let mut reasons: Vec<String> = Vec::new();
        for line in source.lines() {
            for marker in ["stop(\"", "reason: \"", "b':', \""] {
                if let Some(at) = line.find(marker) {
                    reasons.extend(quoted(&line[at..]));
                }
            }
            if line.contains("stop(if top") {
                reasons.extend(["expected ',' or '}'".to_owned(), "expected ',' or ']'".to_owned()]);
            }
        }
        assert!(reasons.len() >= 14, "{reasons:?}");
        for r in reasons {
            let r = r.replace("\\\\", "\\");
            assert!(JSON_REASONS_ZH.iter().any(|(en, _)| *en == r), "no zh-CN for {r:?}");
        }
    }

    #[test]
    fn locale_tags() {
        for (tag, locale) in [("en", Locale::En), ("zh-CN", Locale::ZhCn), ("zh-cn", Locale::ZhCn), ("zh", Locale::ZhCn), ("zh-Hans", Locale::ZhCn), ("fr", Locale::En), ("", Locale::En), ("zh-TW", Locale::En)] {
            assert_eq!(Locale::from_tag(tag), locale, "{tag}");
        }
    }
}
