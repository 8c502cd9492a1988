// The package's default entry: no init call, no Vite configuration.
import { validate } from 'yeastar-extension-update';

// A valid result shows its body; an invalid one the list of error codes.
const describe = (r) => (r.ok ? r.body : JSON.stringify(r.errors.map((e) => e.code)));
const result = document.getElementById('result');

result.dataset.bad = describe(validate({ extid: '12a' }));
result.textContent = describe(validate({ extid: 1002, username: ' Amy ', hasvoicemail: true }));
