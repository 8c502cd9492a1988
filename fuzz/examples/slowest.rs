//! Times every unit of fuzz corpora and prints the slowest (libFuzzer's own timing counts whole
//! seconds only). Each unit runs what its target runs, without the invariant checks.
//!
//!     cargo run --release --manifest-path fuzz/Cargo.toml --example slowest -- TARGET:DIR[:DIR…]…
//!
//! Sizes are those of what the validator reads (the JSON text, or the structured input written
//! as JSON), not of the encoded unit. A first pass times each unit once; the 20 slowest (by
//! time, and by time per byte among inputs of 256 bytes or more) are then timed over repeated
//! calls for at least 20 ms each.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fuzz_support::{check, Case, FieldCase};
use yeastar_extension_update::{
    validate, validate_field, validate_field_json, validate_json, validate_many_json, Input, Options, UnknownFields,
    Value,
};

const MODES: [UnknownFields; 2] = [UnknownFields::Error, UnknownFields::Strip];

/// One unit, decoded (decoding is not timed).
enum Unit {
    Text(String),
    Many(String),
    Structured(Input<'static>, Option<Input<'static>>),
    Field(String, Value<'static>, Option<Input<'static>>, String),
}

impl Unit {
    fn new(target: &str, data: &[u8]) -> Option<Unit> {
        match target {
            "json_text" => std::str::from_utf8(data).ok().map(|t| Unit::Text(t.to_string())),
            "many" => std::str::from_utf8(data).ok().map(|t| Unit::Many(t.to_string())),
            "structured" => {
                let case = Case::decode(data);
                Some(Unit::Structured(case.update.input(), case.current.as_ref().map(|c| c.input())))
            }
            "field" => {
                let case = FieldCase::decode(data);
                let name = case.name.text();
                let value = case.value.value(&name);
                Some(Unit::Field(name, value, case.current.as_ref().map(|c| c.input()), case.json))
            }
            _ => None,
        }
    }

    /// What the validator reads, in bytes of JSON text.
    fn size(&self) -> usize {
        let current = |c: &Option<Input<'_>>| c.as_ref().map_or(0, |c| check::input_json(c).len());
        match self {
            Unit::Text(t) | Unit::Many(t) => t.len(),
            Unit::Structured(i, c) => check::input_json(i).len() + current(c),
            Unit::Field(n, v, c, j) => n.len() + check::value_json(v).len() + current(c) + j.len(),
        }
    }

    /// Runs it as its target would (without the checks).
    fn run(&self) {
        match self {
            Unit::Text(text) => {
                let (current, update) = match text.split_once('\u{1e}') {
                    Some((c, u)) => (Input::parse_json(c).ok(), u),
                    None => (None, text.as_str()),
                };
                for unknown_fields in MODES {
                    black_box(validate_json(update, &Options { current: current.as_ref(), unknown_fields, ..Options::default() }).ok());
                }
            }
            Unit::Many(text) => {
                let (current, batch) = match text.split_once('\u{1e}') {
                    Some((c, b)) => (Input::parse_json(c).ok(), b),
                    None => (None, text.as_str()),
                };
                for unknown_fields in MODES {
                    black_box(validate_many_json(batch, &Options { current: current.as_ref(), unknown_fields, ..Options::default() }));
                }
            }
            Unit::Structured(input, current) => {
                for unknown_fields in MODES {
                    black_box(validate(input, &Options { current: None, unknown_fields, ..Options::default() }).ok());
                    if let Some(c) = current {
                        black_box(validate(input, &Options { current: Some(c), unknown_fields, ..Options::default() }).ok());
                    }
                }
            }
            Unit::Field(name, value, current, json) => {
                for unknown_fields in MODES {
                    let options = Options { current: current.as_ref(), unknown_fields, ..Options::default() };
                    black_box(validate_field(name, value, &options));
                    black_box(validate_field_json(name, json, &options));
                }
            }
        }
    }
}

fn time(unit: &Unit, at_least: Duration) -> Duration {
    let start = Instant::now();
    let mut n = 0u32;
    while n < 1 || start.elapsed() < at_least {
        unit.run();
        n += 1;
    }
    start.elapsed() / n
}

fn main() {
    for arg in std::env::args().skip(1) {
        let mut parts = arg.split(':');
        let target = parts.next().unwrap_or_default().to_string();
        let mut units: Vec<(PathBuf, Unit)> = Vec::new();
        for dir in parts {
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            for entry in entries.flatten() {
                if let Some(unit) = std::fs::read(entry.path()).ok().and_then(|b| Unit::new(&target, &b)) {
                    units.push((entry.path(), unit));
                }
            }
        }
        if units.is_empty() {
            println!("{target}: no units");
            continue;
        }
        // Warm up, then one call per unit.
        for (_, u) in units.iter().take(50) {
            u.run();
        }
        let mut once: Vec<(usize, Duration)> =
            units.iter().enumerate().map(|(i, (_, u))| (i, time(u, Duration::ZERO))).collect();
        let per_byte = |i: usize, t: Duration| t.as_nanos() as f64 / units[i].1.size().max(1) as f64;
        once.sort_by_key(|x| std::cmp::Reverse(x.1));
        let mut picks: Vec<usize> = once.iter().take(20).map(|(i, _)| *i).collect();
        let mut big: Vec<(usize, Duration)> = once.iter().filter(|(i, _)| units[*i].1.size() >= 256).copied().collect();
        big.sort_by(|a, b| per_byte(b.0, b.1).total_cmp(&per_byte(a.0, a.1)));
        picks.extend(big.iter().take(20).map(|(i, _)| *i));
        picks.sort_unstable();
        picks.dedup();
        let mut precise: Vec<(usize, Duration)> =
            picks.iter().map(|&i| (i, time(&units[i].1, Duration::from_millis(20)))).collect();
        let largest = units.iter().map(|(_, u)| u.size()).max().unwrap_or(0);
        let total: Duration = once.iter().map(|(_, t)| *t).sum();
        println!(
            "{target}: {} units (largest {largest} B), mean {:.1} µs per unit",
            units.len(),
            total.as_secs_f64() * 1e6 / units.len() as f64
        );
        precise.sort_by_key(|x| std::cmp::Reverse(x.1));
        for (label, list) in [
            ("slowest", precise.iter().take(3).copied().collect::<Vec<_>>()),
            ("slowest per byte (≥ 256 B)", {
                let mut v: Vec<_> = precise.iter().filter(|(i, _)| units[*i].1.size() >= 256).copied().collect();
                v.sort_by(|a, b| per_byte(b.0, b.1).total_cmp(&per_byte(a.0, a.1)));
                v.truncate(3);
                v
            }),
        ] {
            for (i, t) in list {
                let (path, unit) = &units[i];
                println!(
                    "  {label:<27} {:>10.1} µs {:>7} B {:>8.1} ns/B  {}",
                    t.as_secs_f64() * 1e6,
                    unit.size(),
                    per_byte(i, t),
                    path.display()
                );
            }
        }
    }
}
