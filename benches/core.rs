//! Criterion benchmarks of the native core on the four reference payloads of `bench/payloads.json`
//! (S: the vendor sample, M: a 10-field form, L: all 38 fields, E: 10 errors), shared with the
//! Node benchmark. Run: `cargo bench --bench core` (or `make bench`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use yeastar_extension_update::{validate, validate_json, validate_many_json, Input, Options};

const PAYLOADS: &str = include_str!("../bench/payloads.json");

/// The compact text of payload `name`: its object in the file, white space outside strings removed.
fn payload(name: &str) -> String {
    let start = PAYLOADS.find(&format!("\"{name}\": {{")).expect("payload in bench/payloads.json") + name.len() + 4;
    let (mut out, mut depth, mut in_str, mut escaped) = (String::new(), 0, false, false);
    for c in PAYLOADS[start..].chars() {
        if in_str {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' => depth += 1,
            '}' => depth -= 1,
            c if c.is_whitespace() => continue,
            _ => {}
        }
        out.push(c);
        if depth == 0 {
            break;
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("validate_json");
    for name in ["S", "M", "L", "E"] {
        let text = payload(name);
        let expect_ok = name != "E";
        assert_eq!(validate_json(&text, &options).is_ok(), expect_ok, "{name}: {text}");
        group.bench_function(name, |b| b.iter(|| validate_json(black_box(&text), &options)));
    }
    group.finish();

    // Without JSON reading: what the rules and the body writer cost.
    let mut group = c.benchmark_group("validate_parsed");
    for name in ["S", "M", "L", "E"] {
        let text = payload(name);
        let input = Input::parse_json(&text).expect("JSON");
        group.bench_function(name, |b| b.iter(|| validate(black_box(&input), &options)));
    }
    group.finish();

    let m = payload("M");
    let batch = format!("[{}]", vec![m.as_str(); 10_000].join(","));
    let mut group = c.benchmark_group("validate_many_json");
    group.throughput(Throughput::Elements(10_000));
    group.sample_size(20);
    group.bench_function("10k M", |b| b.iter(|| validate_many_json(black_box(&batch), &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
