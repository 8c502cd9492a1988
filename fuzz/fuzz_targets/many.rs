//! Arbitrary bytes → `validate_many_json` (the batch entry, when UTF-8), in both unknown-key
//! modes; a byte 0x1E splits off `options.current` as in `json_text`. Every outcome well formed
//! (fuzz/src/check.rs), strip consistent with error item by item. (`json_text` and `structured`
//! also check batches against single validations.)
#![no_main]

use fuzz_support::check;
use libfuzzer_sys::fuzz_target;
use yeastar_extension_update::Input;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match text.split_once('\u{1e}') {
        None => check::check_batch_text(text, None),
        Some((current, batch)) => {
            let current = Input::parse_json(current).ok();
            check::check_batch_text(batch, current.as_ref());
        }
    }
});
