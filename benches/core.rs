//! Placeholder; the reference payloads land with the performance work.
fn main() {}
