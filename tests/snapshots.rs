//! Whole-payload snapshots: `tests/snapshots/NAME.in.json` (with an optional
//! `NAME.current.json`) must give exactly `NAME.out.json`: the body, or the errors array, as
//! the JS boundary returns them. `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the
//! outputs; review the diff before committing.

use std::fs;
use std::path::Path;

use yeastar_extension_update::{errors_to_json, validate_json, Input, Options};

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut count = 0;
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    for name in names.iter().filter_map(|n| n.strip_suffix(".in.json")) {
        let input = fs::read_to_string(dir.join(format!("{name}.in.json"))).unwrap();
        let current_text = fs::read_to_string(dir.join(format!("{name}.current.json"))).ok();
        let current = current_text.as_deref().map(|t| Input::parse_json(t).unwrap());
        let options = Options { current: current.as_ref(), ..Options::default() };
        let actual = match validate_json(&input, &options) {
            Ok(body) => body.into_string(),
            Err(errors) => errors_to_json(&errors),
        } + "\n";
        let out = dir.join(format!("{name}.out.json"));
        if update {
            fs::write(&out, &actual).unwrap();
        }
        let expected = fs::read_to_string(&out).unwrap_or_else(|_| panic!("{name}.out.json missing (UPDATE_SNAPSHOTS=1)"));
        assert_eq!(actual, expected, "snapshot {name}");
        count += 1;
    }
    assert!(count >= 5, "only {count} snapshots");
}
