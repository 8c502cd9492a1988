//! The JS boundary (stub: signatures are final, bodies are not).
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn validate(input_json: &str, current_json: &str, flags: u32) -> String {
    let _ = (current_json, flags);
    if input_json.contains("extid") { "{\"extid\":\"1\"}".into() } else { "[{\"field\":\"extid\",\"code\":\"required\",\"message\":\"Extension number is required.\"}]".into() }
}

#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(field: &str, value_json: &str, current_json: &str, flags: u32) -> String {
    let _ = (field, value_json, current_json, flags);
    "[]".into()
}

#[wasm_bindgen]
pub fn fields() -> String { "[]".into() }

#[wasm_bindgen]
pub fn schema() -> String { "{}".into() }
