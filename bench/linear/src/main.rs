//! Linear cost of the native core: each input shape of `shapes.jsonl` at growing sizes up to
//! 10 MB, timed, printed as size → time → time per byte, with the exponent of a log-log fit
//! (1.0 = linear). A benchmark, not a test: nothing is asserted.
//!
//!     cargo run --release --manifest-path bench/linear/Cargo.toml [-- --max-mb 10] [-- --shape NAME]

use std::hint::black_box;
use std::time::{Duration, Instant};

use yeastar_extension_update::{validate_json, validate_many_json, Input, Options, UnknownFields, Value};

const SHAPES: &str = include_str!("../shapes.jsonl");

struct Shape {
    name: String,
    what: String,
    prefix: String,
    unit: String,
    suffix: String,
    close: String,
    end: String,
    strip: bool,
    batch: bool,
}

/// Reads the shapes with the crate's own reader (flat objects of strings and booleans).
fn shapes() -> Vec<Shape> {
    SHAPES
        .lines()
        .filter_map(|line| {
            let input = Input::parse_json(line).ok()?;
            let text = |key: &str| {
                input.entries.iter().find(|(k, _)| k == key).and_then(|(_, v)| match v {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                })
            };
            let flag = |key: &str| input.entries.iter().any(|(k, v)| k == key && *v == Value::Bool(true));
            Some(Shape {
                name: text("name")?,
                what: text("what").unwrap_or_default(),
                prefix: text("prefix").unwrap_or_default(),
                unit: text("unit")?,
                suffix: text("suffix").unwrap_or_default(),
                close: text("close").unwrap_or_default(),
                end: text("end").unwrap_or_default(),
                strip: flag("strip"),
                batch: flag("batch"),
            })
        })
        .collect()
}

/// Key `i` two edits from `registerpassword`: two positions replaced by ASCII characters that
/// are not lower-case letters (digits, punctuation, upper case): 120 × 66² distinct keys.
fn near_miss(i: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789!#$%&'()*+,-./:;<=>?@[]^_`{|}~ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut pairs = Vec::new();
    for p in 0..16 {
        for q in p + 1..16 {
            pairs.push((p, q));
        }
    }
    let (p, q) = pairs[i % pairs.len()];
    let n = i / pairs.len();
    let mut key = b"registerpassword".to_vec();
    key[p] = ALPHABET[n % ALPHABET.len()];
    key[q] = ALPHABET[(n / ALPHABET.len()) % ALPHABET.len()];
    String::from_utf8(key).unwrap_or_default()
}

fn unit(shape: &Shape, i: usize) -> String {
    shape.unit.replace('#', &i.to_string()).replace('@', &near_miss(i))
}

/// The shape's text of about `size` bytes.
fn build(shape: &Shape, size: usize) -> String {
    let mut s = String::with_capacity(size + 64);
    s.push_str(&shape.prefix);
    let mut n = 0;
    loop {
        let u = unit(shape, n);
        if s.len() + u.len() + shape.close.len() * (n + 1) + shape.suffix.len() + shape.end.len() > size {
            break;
        }
        s.push_str(&u);
        n += 1;
    }
    s.push_str(&shape.suffix);
    for _ in 0..n {
        s.push_str(&shape.close);
    }
    s.push_str(&shape.end);
    s
}

/// The fastest of repeated calls (at least 3, and at least 300 ms in all).
fn time(shape: &Shape, text: &str) -> Duration {
    let unknown_fields = if shape.strip { UnknownFields::Strip } else { UnknownFields::Error };
    let options = Options { current: None, unknown_fields, ..Options::default() };
    let run = || {
        if shape.batch {
            black_box(validate_many_json(black_box(text), &options).len());
        } else {
            black_box(validate_json(black_box(text), &options).is_ok());
        }
    };
    run();
    let started = Instant::now();
    let mut best = Duration::MAX;
    let mut n = 0;
    while n < 3 || started.elapsed() < Duration::from_millis(300) {
        let t = Instant::now();
        run();
        best = best.min(t.elapsed());
        n += 1;
    }
    best
}

fn human(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b => format!("{:.0} KB", b as f64 / 1024.0),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let max = arg("--max-mb").and_then(|m| m.parse::<f64>().ok()).unwrap_or(10.0);
    let only = arg("--shape");
    let max_bytes = (max * f64::from(1 << 20)) as usize;
    // 10 KB × 4ⁿ, then the largest size.
    let mut sizes: Vec<usize> =
        std::iter::successors(Some(10 * 1024), |s| Some(s * 4)).take_while(|s| *s < max_bytes).collect();
    sizes.push(max_bytes);

    println!("Linear cost of the native core (release, opt-level 3): fastest of repeated calls.");
    println!("exponent: of time ∝ size^k between consecutive sizes, and fitted over all (1.00 = linear).\n");
    let mut summary = Vec::new();
    for shape in shapes().iter().filter(|s| only.as_deref().is_none_or(|o| s.name.contains(o))) {
        println!("{} — {}", shape.name, shape.what);
        println!("  {:>9} {:>12} {:>9} {:>9}", "size", "time", "ns/byte", "exponent");
        let mut points: Vec<(f64, f64)> = Vec::new();
        for &size in &sizes {
            let text = build(shape, size);
            let t = time(shape, &text);
            let ns = t.as_nanos() as f64;
            let step = points.last().map(|&(s0, t0)| (ns / t0).ln() / (text.len() as f64 / s0).ln());
            println!(
                "  {:>9} {:>9.3} ms {:>9.2} {:>9}",
                human(text.len()),
                ns / 1e6,
                ns / text.len() as f64,
                step.map_or(String::new(), |k| format!("{k:.2}"))
            );
            points.push((text.len() as f64, ns));
        }
        let k = fit(&points);
        let last = points.last().copied().unwrap_or((1.0, 0.0));
        println!("  fitted exponent {k:.2}\n");
        summary.push((shape.name.clone(), k, last.1 / last.0, last.1 / 1e6, last.0 as usize));
    }
    println!("summary (largest size):");
    println!("  {:<26} {:>9} {:>9} {:>11} {:>9}", "shape", "exponent", "ns/byte", "time", "size");
    for (name, k, per_byte, ms, size) in summary {
        println!("  {name:<26} {k:>9.2} {per_byte:>9.2} {ms:>8.2} ms {:>9}", human(size));
    }
}

/// Least-squares slope of log(time) over log(size).
fn fit(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| p.0.ln()).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1.ln()).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let var: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    cov / var
}
