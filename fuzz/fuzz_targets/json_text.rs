//! Arbitrary bytes → `validate_json` (when UTF-8), in both unknown-key modes. A byte 0x1E
//! (never valid in JSON text) splits the input: the text before it is `options.current`.
//! Invariants: fuzz/src/check.rs (shape and order of errors, body idempotence, no value in any
//! error, strip consistency, validate_json = validate of its parse, validate_field agreement).
#![no_main]

use fuzz_support::check;
use libfuzzer_sys::fuzz_target;
use yeastar_extension_update::{validate_field_json, Input, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match text.split_once('\u{1e}') {
        None => check::check_text(text, None),
        Some((current_text, update)) => {
            match Input::parse_json(current_text) {
                Ok(current) => check::check_text(update, Some(&current)),
                Err(_) => check::check_text(update, None),
            }
            // The current text as a single field value, too.
            let errors = validate_field_json("mobile", current_text, &Options::default());
            check::check_field_answer("mobile", &Options::default(), &errors);
        }
    }
});
