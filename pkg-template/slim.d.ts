// Types of yeastar-extension-update/slim: the same API, plus init().
export * from "./index.js";

/** What `init()` accepts: where to fetch the wasm file, or its bytes, or a compiled module. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the wasm module. Without an argument it fetches `wasm/wasm_bg.wasm`
 * next to this file (resolved from `import.meta.url`). Calling the API before
 * the promise resolves throws an Error.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;
