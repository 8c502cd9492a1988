// Peer 1: ajv 8 (draft 2020-12, allErrors), compiled at run time, the usual way to use it.
// The schema, the normalise step and the error mapping are in ajv-schema.mjs.
//
// The same rules as yeastar-extension-update (SPEC §2–§4 as its README's
// "Decisions" read them). validate(input) → { ok: true, body, value } | { ok: false, errors: [{ field, code }] }
import Ajv2020 from "ajv/dist/2020.js";
import { jsonSchema, makeValidate } from "./ajv-schema.mjs";

export { jsonSchema };
export const check = new Ajv2020({ allErrors: true }).compile(jsonSchema);
export const validate = makeValidate(check);
