// Compile-only test of pkg/slim.d.ts: the same API plus init().
import { init, validate, buildBody, ValidationError, type ValidationResult, type InitInput } from "../../pkg/slim.js";

async function main(bytes: Uint8Array, module: WebAssembly.Module): Promise<void> {
  await init();
  await init(new URL("https://example.invalid/wasm_bg.wasm"));
  await init("/wasm_bg.wasm");
  await init(bytes);
  await init(module);
  await init(fetch("/wasm_bg.wasm"));
  // @ts-expect-error null is not an init input (WebAssembly.Module is an empty interface, so
  // TypeScript lets most other values through, as with wasm-bindgen's own types)
  await init(null);
  const done: void = await init();
  const r: ValidationResult = validate({ extid: 1 });
  const body: string = buildBody({ extid: 1, dnd: true });
  const input: InitInput = bytes;
  void [done, r, body, input, ValidationError];
}
void main;
