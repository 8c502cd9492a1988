//! Placeholder while the core is being written.
#[cfg(target_arch = "wasm32")]
mod wasm;
