//! Arbitrary field → value maps built as `Input`s of `Value`s (valid, invalid and odd values
//! drawn per field, secrets carrying a marker), with and without `options.current`, in both
//! unknown-key modes. The bytes are decoded by `fuzz_support::Case` (fuzz/src/lib.rs).
//! Invariants: fuzz/src/check.rs, among them: `validate` answers exactly what `validate_json`
//! of the same input as JSON text answers.
#![no_main]

use fuzz_support::{check, Case};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let case = Case::decode(data);
    let input = case.update.input();
    check::check_input(&input, None);
    if let Some(current) = case.current.as_ref().map(|c| c.input()) {
        check::check_input(&input, Some(&current));
    }
});
