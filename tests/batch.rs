//! `validate_many_json`: N payloads in one pass, one outcome per item, in order.

use yeastar_extension_update::{errors_to_json, validate_json, validate_many_json, Code, Options};

fn answers(text: &str) -> Vec<String> {
    validate_many_json(text, &Options::default())
        .into_iter()
        .map(|o| match o {
            Ok(body) => body.into_string(),
            Err(errors) => errors_to_json(&errors),
        })
        .collect()
}

#[test]
fn one_outcome_per_item_in_order_same_as_single() {
    let items = [r#"{"extid":"1","dnd":true}"#, r#"{"extid":"x"}"#, "[]", "7", r#"{"extid":2,"moblie":""}"#, "{}"];
    let text = format!("[{}]", items.join(", "));
    let got = answers(&text);
    assert_eq!(got.len(), items.len());
    for (item, answer) in items.iter().zip(&got) {
        let single = match validate_json(item, &Options::default()) {
            Ok(body) => body.into_string(),
            Err(errors) => errors_to_json(&errors),
        };
        assert_eq!(answer, &single, "{item}");
    }
}

#[test]
fn empty_and_whole_text_errors() {
    assert!(answers(" [ ] ").is_empty());
    for (text, code) in [("", Code::InvalidJson), ("[{\"extid\":\"1\"},", Code::InvalidJson), ("{\"extid\":\"1\"}", Code::NotAnObject), ("[] []", Code::InvalidJson)] {
        let outcomes = validate_many_json(text, &Options::default());
        assert_eq!(outcomes.len(), 1, "{text}");
        let errors = outcomes.into_iter().next().unwrap().unwrap_err();
        assert_eq!((errors[0].field.as_str(), errors[0].code), ("", code), "{text}");
    }
    let errors = validate_many_json("{}", &Options::default()).remove(0).unwrap_err();
    assert_eq!(errors[0].params.expected, Some("array"));
}

#[test]
fn ten_thousand_items() {
    let text = format!("[{}]", vec![r#"{"extid":"1000","username":"Amy","ringtimeout":30}"#; 10_000].join(","));
    let outcomes = validate_many_json(&text, &Options::default());
    assert_eq!(outcomes.len(), 10_000);
    assert!(outcomes.iter().all(|o| o.as_ref().map(|b| b.as_str()) == Ok(r#"{"extid":"1000","username":"Amy","ringtimeout":"30"}"#)));
}
