// The package's `./slim` entry: Vite must ship the separate .wasm file that init() fetches.
import { init, validate } from 'yeastar-extension-update/slim';

const describe = (r) => (r.ok ? r.body : JSON.stringify(r.errors.map((e) => e.code)));
const result = document.getElementById('result');

init().then(
  () => {
    result.dataset.bad = describe(validate({ extid: '12a' }));
    result.textContent = describe(validate({ extid: 1002, username: ' Amy ', hasvoicemail: true }));
  },
  (e) => (result.textContent = `init failed: ${e}`),
);
