//! `validate_field` / `validate_field_json` for arbitrary names and values (with and without
//! `options.current`, both unknown-key modes): at most one error, on that name, no value in it;
//! the JSON form agrees with the structured one. The bytes are decoded by
//! `fuzz_support::FieldCase` (fuzz/src/lib.rs).
#![no_main]

use fuzz_support::{check, FieldCase};
use libfuzzer_sys::fuzz_target;
use yeastar_extension_update::{validate_field, validate_field_json, Locale, Options, UnknownFields, Value};

fuzz_target!(|data: &[u8]| {
    let case = FieldCase::decode(data);
    let name = case.name.text();
    let value = case.value.value(&name);
    let current = case.current.as_ref().map(|c| c.input());
    // Half the inputs in each locale: the checks hold in both (codes never depend on it).
    let locale = if data.first().is_some_and(|b| b & 1 == 1) { Locale::ZhCn } else { Locale::En };
    for unknown_fields in [UnknownFields::Error, UnknownFields::Strip] {
        for current in [None, current.as_ref()] {
            let options = Options { current, unknown_fields, locale };
            let errors = validate_field(&name, &value, &options);
            check::check_field_answer(&name, &options, &errors);
            if !matches!(value, Value::Number(Some(n)) if n > check::MAX_SAFE) {
                let as_json = validate_field_json(&name, &check::value_json(&value), &options);
                assert_eq!(as_json, errors, "validate_field_json and validate_field disagree on {name}: {value:?}");
            }
            let errors = validate_field_json(&name, &case.json, &options);
            check::check_field_answer(&name, &options, &errors);
        }
    }
});
