//! The rule table: one row per parameter of the vendor's page, in the page's order.
//!
//! Everything else is derived from it: the checks ([`crate::validate`]), the messages (labels),
//! `fields()` and `schema()` ([`crate::meta`]), and the TypeScript types the npm build generates
//! from `fields()`. Each row says which JS/JSON types it takes, whether it is a secret (never
//! trimmed, never echoed), and its rules in the order they are checked: the first failing rule
//! is the field's one error.
//!
//! ```
//! use yeastar_extension_update::table::{field, Kind};
//! let mobile = field("mobile").unwrap();
//! assert_eq!(mobile.kind, Kind::Digits);
//! assert_eq!(mobile.max_length(), Some(31));
//! ```

use crate::messages::Locale;
use crate::rules::Rule::{self, *};

/// How the PBX's web interface groups the settings (the demo form follows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Extension number, names, contact details.
    User,
    /// SIP registration and login.
    Registration,
    /// Voicemail.
    Voicemail,
    /// Always forward (rule "a").
    AlwaysForward,
    /// Forward when there is no answer (rule "n").
    NoAnswerForward,
    /// Forward when busy (rule "b").
    BusyForward,
    /// Mobility extension.
    Mobility,
    /// Call monitoring.
    Monitoring,
    /// Ring timeout, call duration, DND, dialing restriction.
    CallLimits,
}

impl Group {
    /// Wire name used by `fields()`.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::User => "user",
            Group::Registration => "registration",
            Group::Voicemail => "voicemail",
            Group::AlwaysForward => "always_forward",
            Group::NoAnswerForward => "noanswer_forward",
            Group::BusyForward => "busy_forward",
            Group::Mobility => "mobility",
            Group::Monitoring => "monitoring",
            Group::CallLimits => "call_limits",
        }
    }

    /// Heading for a form, in a locale.
    pub fn label_in(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.label(),
            Locale::ZhCn => match self {
                Group::User => "用户",
                Group::Registration => "注册",
                Group::Voicemail => "语音信箱",
                Group::AlwaysForward => "无条件转移",
                Group::NoAnswerForward => "无应答转移",
                Group::BusyForward => "遇忙转移",
                Group::Mobility => "移动分机",
                Group::Monitoring => "监听",
                Group::CallLimits => "通话限制",
            },
        }
    }

    /// Heading for a form (English).
    pub fn label(self) -> &'static str {
        match self {
            Group::User => "User",
            Group::Registration => "Registration",
            Group::Voicemail => "Voicemail",
            Group::AlwaysForward => "Always forward",
            Group::NoAnswerForward => "Forward when not answered",
            Group::BusyForward => "Forward when busy",
            Group::Mobility => "Mobility extension",
            Group::Monitoring => "Monitoring",
            Group::CallLimits => "Call limits",
        }
    }
}

/// The kind of a row, as SPEC §2 names it (metadata; the rules do the checking).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Digits, 1–31 (or blank where allowed); a JS number is taken.
    ExtensionNumber,
    /// Letters of any script, digits, spaces.
    Name,
    /// ASCII letters and digits.
    Token,
    /// A password: not trimmed, never echoed.
    Secret,
    /// A digits-only password (voicemail).
    SecretDigits,
    /// A bounded integer.
    Integer,
    /// An e-mail address.
    Email,
    /// ASCII digits.
    Digits,
    /// `on` / `off`.
    Switch,
    /// A forwarding destination.
    Destination,
    /// Another enumeration.
    Enum,
}

impl Kind {
    /// Wire name used by `fields()`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ExtensionNumber => "extension_number",
            Kind::Name => "name",
            Kind::Token => "token",
            Kind::Secret => "secret",
            Kind::SecretDigits => "secret_digits",
            Kind::Integer => "integer",
            Kind::Email => "email",
            Kind::Digits => "digits",
            Kind::Switch => "switch",
            Kind::Destination => "destination",
            Kind::Enum => "enum",
        }
    }
}

/// The JS/JSON types a row takes besides strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// Strings only (a phone number or password given as a number would lose leading zeros).
    Text,
    /// Strings and non-negative safe integers (written as decimal strings).
    TextOrNumber,
    /// Strings and booleans (`true` → `"on"`).
    TextOrBool,
}

/// An allowed-values list: body spellings, plus extra input spellings.
#[derive(Debug, PartialEq, Eq)]
pub struct Choices {
    /// The values in the vendor's spelling, as sent in the body.
    pub values: &'static [&'static str],
    /// Other accepted spellings → body spelling (letter case is ignored everywhere).
    pub aliases: &'static [(&'static str, &'static str)],
}

/// One table row.
#[derive(Debug)]
pub struct Field {
    /// Wire name.
    pub name: &'static str,
    /// Short English label, used in messages.
    pub label: &'static str,
    /// The label in Simplified Chinese (`zh-CN` messages).
    pub label_zh: &'static str,
    /// Where the PBX interface shows it.
    pub group: Group,
    /// SPEC §2 kind.
    pub kind: Kind,
    /// Types taken besides strings.
    pub takes: Takes,
    /// A secret is never trimmed, altered, or echoed in errors.
    pub secret: bool,
    /// Checks in order; the first failure is the field's error.
    pub rules: &'static [Rule],
    /// The vendor's description of the parameter.
    pub description: &'static str,
}

impl Field {
    /// The label in a locale.
    pub fn label_in(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.label,
            Locale::ZhCn => self.label_zh,
        }
    }

    /// Whether the field must be present (only `extid`).
    pub fn required(&self) -> bool {
        self.rules.contains(&Required)
    }

    /// Whether a blank value (empty after trimming) passes.
    pub fn blank_allowed(&self) -> bool {
        !self.rules.iter().any(|r| match r {
            NotBlank | OneOf(_) | Range { .. } => true,
            Length { min, .. } => *min > 0,
            _ => false,
        })
    }

    /// The length bounds, when the row has a length rule.
    pub fn length(&self) -> Option<(u32, u32)> {
        self.rules.iter().find_map(|r| match r {
            Length { min, max } => Some((*min, *max)),
            _ => None,
        })
    }

    /// Maximum length in characters, when the row has a length rule.
    pub fn max_length(&self) -> Option<u32> {
        self.length().map(|(_, max)| max)
    }

    /// The allowed values, for switches and enumerations.
    pub fn choices(&self) -> Option<&'static Choices> {
        self.rules.iter().find_map(|r| match r {
            OneOf(c) => Some(*c),
            _ => None,
        })
    }

    /// The integer bounds, for `maxregistrations`.
    pub fn range(&self) -> Option<(u64, u64)> {
        self.rules.iter().find_map(|r| match r {
            Range { min, max } => Some((*min, *max)),
            _ => None,
        })
    }
}

/// `on` / `off`, sent lower-case as the query API returns them.
pub static SWITCH: Choices = Choices { values: &["on", "off"], aliases: &[] };
/// Forwarding destinations in the vendor's spelling.
pub static DESTINATION: Choices =
    Choices { values: &["Voicemail", "Extension", "Mobile Number", "Custom Number"], aliases: &[] };
static MONITOR_MODE: Choices = Choices {
    values: &["Disabled", "Extensive", "Listen", "Whisper", "Barge-in"],
    // The query page spells it "Disable".
    aliases: &[("Disable", "Disabled")],
};
static RING_TIMEOUT: Choices = Choices { values: &["15", "30", "60", "120", "300"], aliases: &[] };
static MAX_DURATION: Choices = Choices {
    values: &["Follow System", "Unlimited", "60", "300", "600", "900", "1800", "3600", "6000"],
    aliases: &[],
};

// Row builders keep the table one line of rules per row; `row` takes one argument per column.
#[allow(clippy::too_many_arguments)]
const fn row(
    name: &'static str,
    label: &'static str,
    label_zh: &'static str,
    group: Group,
    kind: Kind,
    takes: Takes,
    rules: &'static [Rule],
    description: &'static str,
) -> Field {
    let secret = matches!(kind, Kind::Secret | Kind::SecretDigits);
    Field { name, label, label_zh, group, kind, takes, secret, rules, description }
}

use Group::*;
use Kind::{Destination, Digits as DigitsKind, Email as EmailKind, Enum, ExtensionNumber, Integer, Name, Secret, SecretDigits, Switch, Token};
use Takes::{Text, TextOrBool, TextOrNumber};

const SWITCH_RULES: &[Rule] = &[OneOf(&SWITCH)];
const DESTINATION_RULES: &[Rule] = &[OneOf(&DESTINATION)];
/// Forwarding extension: "digits, ≤ 31, may be blank" (R3 makes it required when used).
const FORWARD_EXT: &[Rule] = &[Digits, Length { min: 0, max: 31 }];
/// Forwarding prefixes are ≤ 7 (ntransferprefix's row on the page repeats ntransfernum's text).
const PREFIX: &[Rule] = &[Digits, Length { min: 0, max: 7 }];
/// Forwarding numbers: ≤ 15, may be blank (R2 makes them required for Custom Number).
const FORWARD_NUM: &[Rule] = &[Digits, Length { min: 0, max: 15 }];
const NAME_RULES: &[Rule] = &[NameChars, Length { min: 0, max: 31 }];
const MONITOR_MODE_RULES: &[Rule] = &[OneOf(&MONITOR_MODE)];
const RING_TIMEOUT_RULES: &[Rule] = &[OneOf(&RING_TIMEOUT)];
const MAX_DURATION_RULES: &[Rule] = &[OneOf(&MAX_DURATION)];

/// Number of rows (and of possible body keys).
pub const COUNT: usize = 38;

/// The table, in the vendor page's order.
pub static FIELDS: [Field; COUNT] = TABLE;

// A const twin of the table, so that other tables (the cross-field rules) can resolve field
// names to indices at compile time.
#[rustfmt::skip]
const TABLE: [Field; COUNT] = [
    // The page types it "Int", the sample sends "1002": digits as a string; 31 is the page's usual cap.
    row("extid", "Extension number", "分机号", User, ExtensionNumber, TextOrNumber,
        &[Required, NotBlank, Digits, Length { min: 1, max: 31 }],
        "The extension number of the extension to be configured"),
    row("extnumber", "New extension number", "新分机号", User, ExtensionNumber, TextOrNumber,
        &[NotBlank, Digits, Length { min: 1, max: 31 }],
        "Modified extension number"),
    // "Letters and digits", but the vendor's own samples hold "Ina Tang": spaces allowed.
    row("username", "Name", "姓名", User, Name, Text, NAME_RULES, "The user's name"),
    row("callerid", "Caller ID", "来电显示", User, Name, Text, NAME_RULES, "The extension's Caller ID"),
    row("registername", "Registration name", "注册名称", Registration, Token, Text,
        &[NotBlank, AsciiAlnum, Length { min: 1, max: 31 }],
        "The registration name"),
    // The page's character list is garbled; the forbidden set is the union of both published lists.
    row("registerpassword", "Registration password", "注册密码", Registration, Secret, Text,
        &[NotBlank, PasswordChars, Length { min: 1, max: 31 }],
        "The registration password"),
    row("maxregistrations", "Concurrent registrations", "并发注册数", Registration, Integer, TextOrNumber,
        &[NotBlank, Digits, Range { min: 1, max: 5 }],
        "Allowed maximum concurrent registrations"),
    // The query API returns an MD5 hash here: never send that back as the password.
    row("loginpassword", "Login password", "登录密码", Registration, Secret, Text,
        &[PasswordChars, Length { min: 6, max: 63 }],
        "The login password"),
    // WHATWG "valid e-mail address" (what <input type=email> accepts); 254 is the SMTP path limit.
    row("email", "Email address", "电子邮箱", User, EmailKind, Text,
        &[Email, Length { min: 0, max: 254 }],
        "The Email address"),
    // Blank is fine unless mobility or a forward to Mobile Number needs it (R1).
    row("mobile", "Mobile number", "手机号码", User, DigitsKind, Text,
        &[Digits, Length { min: 0, max: 31 }],
        "The mobile number"),
    row("hasvoicemail", "Voicemail", "语音信箱", Voicemail, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable Voicemail feature"),
    row("enablevmtoemail", "Send voicemail to email", "语音留言发送到邮箱", Voicemail, Switch, TextOrBool, SWITCH_RULES,
        "Whether to enable Send Voicemail to Email feature or not"),
    row("vmsecret", "Voicemail password", "语音信箱密码", Voicemail, SecretDigits, Text,
        &[Digits, Length { min: 0, max: 63 }],
        "The voicemail password"),
    row("alwaysforward", "Always forward", "无条件转移", AlwaysForward, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable Always Call Forwarding feature"),
    row("atransferto", "Always forward destination", "无条件转移目的地", AlwaysForward, Destination, Text, DESTINATION_RULES,
        "Always call forwarding destination"),
    row("atransferext", "Always forward extension", "无条件转移分机", AlwaysForward, ExtensionNumber, TextOrNumber, FORWARD_EXT,
        "The extension ID, when the forward destination is extension."),
    row("atransferprefix", "Always forward prefix", "无条件转移前缀", AlwaysForward, DigitsKind, Text, PREFIX,
        "The outbound calls prefix, when the forward destination is a custom number or the extension's associated mobile number"),
    row("atransfernum", "Always forward number", "无条件转移号码", AlwaysForward, DigitsKind, Text, FORWARD_NUM,
        "The number of the outbound call, when the forward destination is a custom number or the extension's associated mobile number"),
    row("noanswerforward", "Forward when not answered", "无应答转移", NoAnswerForward, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable no answer call forwarding feature"),
    row("ntransferto", "No-answer forward destination", "无应答转移目的地", NoAnswerForward, Destination, Text, DESTINATION_RULES,
        "No answer call forwarding destination"),
    row("ntransferext", "No-answer forward extension", "无应答转移分机", NoAnswerForward, ExtensionNumber, TextOrNumber, FORWARD_EXT,
        "The extension ID, when the forward destination is extension."),
    // Seed erratum: the page gives this row ntransfernum's text ("maximum length 15"); 7 like its siblings.
    row("ntransferprefix", "No-answer forward prefix", "无应答转移前缀", NoAnswerForward, DigitsKind, Text, PREFIX,
        "The outbound calls prefix, when the forward destination is a custom number or the extension's associated mobile number."),
    // Seed erratum: "Cannot be blank" is read as R2, like its siblings.
    row("ntransfernum", "No-answer forward number", "无应答转移号码", NoAnswerForward, DigitsKind, Text, FORWARD_NUM,
        "The number of the outbound call, when the forward destination is a custom number or the extension's associated mobile number."),
    row("busyforward", "Forward when busy", "遇忙转移", BusyForward, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable when busy call forwarding feature"),
    row("btransferto", "Busy forward destination", "遇忙转移目的地", BusyForward, Destination, Text, DESTINATION_RULES,
        "When busy call forwarding destination"),
    row("btransferext", "Busy forward extension", "遇忙转移分机", BusyForward, ExtensionNumber, TextOrNumber, FORWARD_EXT,
        "The extension ID, when the forward destination is extension."),
    row("btransferprefix", "Busy forward prefix", "遇忙转移前缀", BusyForward, DigitsKind, Text, PREFIX,
        "The outbound calls prefix, when the forward destination is a custom number or the extension's associated mobile number."),
    row("btransfernum", "Busy forward number", "遇忙转移号码", BusyForward, DigitsKind, Text, FORWARD_NUM,
        "The number of the outbound call, when the forward destination is a custom number or the extension's associated mobile number"),
    row("enablemobile", "Mobility extension", "移动分机", Mobility, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable Mobility Extension feature"),
    row("ringsimultaneous", "Ring simultaneously", "同时响铃", Mobility, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable Simultaneous Ringing of Mobility Extension"),
    row("mobileprefix", "Mobility prefix", "移动分机前缀", Mobility, DigitsKind, Text, PREFIX,
        "A prefix matching the outbound route"),
    row("allowbeingmonitored", "Allow being monitored", "允许被监听", Monitoring, Switch, TextOrBool, SWITCH_RULES,
        "Allow being monitored"),
    row("monitormode", "Monitor mode", "监听模式", Monitoring, Enum, Text, MONITOR_MODE_RULES,
        "How to monitor the calls"),
    row("ringtimeout", "Ring timeout", "响铃超时", CallLimits, Enum, TextOrNumber, RING_TIMEOUT_RULES,
        "The ring timeout in seconds"),
    row("maxduration", "Maximum call duration", "最大通话时长", CallLimits, Enum, TextOrNumber, MAX_DURATION_RULES,
        "The maximum call duration allowed in seconds"),
    row("dnd", "Do not disturb", "免打扰", CallLimits, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable DND feature"),
    row("callrestriction", "Outbound dialing restriction", "呼出限制", CallLimits, Switch, TextOrBool, SWITCH_RULES,
        "Enable or disable Outbound Dialing Restriction"),
    // The page gives no length; 31 is its usual cap.
    row("agentid", "Agent ID", "座席工号", User, DigitsKind, Text, &[Digits, Length { min: 0, max: 31 }],
        "The agent ID to be announced in the greeting prompt. If left null, the extension number will be announced instead. It is null by default."),
];

/// The table index of a wire name, at compile time: a name that is not in the table is a
/// compile error, never a run-time failure.
#[allow(clippy::indexing_slicing, clippy::panic)]
pub(crate) const fn const_index(name: &str) -> usize {
    let mut i = 0;
    while i < COUNT {
        let candidate = TABLE[i].name.as_bytes();
        let wanted = name.as_bytes();
        if candidate.len() == wanted.len() {
            let mut j = 0;
            while j < wanted.len() && candidate[j] == wanted[j] {
                j += 1;
            }
            if j == wanted.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("not a field name of the table")
}

/// The row of a wire name.
pub fn field(name: &str) -> Option<&'static Field> {
    index_of(name).and_then(|i| FIELDS.get(i))
}

/// The table index of a wire name: one hash probe and one comparison (every input key is
/// looked up, so a scan of 38 names per key showed in profiles).
pub fn index_of(name: &str) -> Option<usize> {
    if name.len() > LONGEST_NAME {
        return None;
    }
    let slot = NAME_INDEX.get(name_hash(name.as_bytes()))?;
    let i = usize::from(slot.checked_sub(1)?);
    FIELDS.get(i).filter(|f| f.name == name).map(|_| i)
}

/// A hash of a field name that is collision-free over the table (checked at compile time by
/// [`NAME_INDEX`]): length, first, middle and last bytes. Written with slice patterns, not
/// indexing, so that no input can make it panic.
const fn name_hash(b: &[u8]) -> usize {
    let n = b.len();
    let (first, last) = match b {
        [first, .., last] => (*first as usize, *last as usize),
        [only] => (*only as usize, *only as usize),
        [] => return 0,
    };
    // Walk to the middle byte (names are at most 19 bytes; index_of rejects longer keys first).
    let mut rest = b;
    let mut k = n / 2;
    while k > 0 {
        if let [_, tail @ ..] = rest {
            rest = tail;
        }
        k -= 1;
    }
    let mid = match rest {
        [m, ..] => *m as usize,
        [] => 0,
    };
    (n * 12 + first * 31 + mid * 11 + last * 13) & (NAME_INDEX_SIZE - 1)
}

/// The longest field name, in bytes (`allowbeingmonitored`).
const LONGEST_NAME: usize = 19;

const NAME_INDEX_SIZE: usize = 64;

/// `name_hash(name)` → table index + 1 (0: no field). Building it fails the compilation if two
/// names collide.
#[allow(clippy::indexing_slicing, clippy::panic)]
static NAME_INDEX: [u8; NAME_INDEX_SIZE] = {
    let mut index = [0u8; NAME_INDEX_SIZE];
    let mut i = 0;
    while i < COUNT {
        let h = name_hash(TABLE[i].name.as_bytes());
        if index[h] != 0 || TABLE[i].name.len() > LONGEST_NAME {
            panic!("two field names share a hash (change name_hash), or LONGEST_NAME is wrong");
        }
        index[h] = (i + 1) as u8;
        i += 1;
    }
    index
};
