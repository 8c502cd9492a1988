// The four peers, by name (the order of the tables).
import * as ajv from "./ajv.mjs";
import * as zod from "./zod.mjs";
import * as valibot from "./valibot.mjs";
import * as plain from "./plain.mjs";

export const PEERS = { ajv, zod, valibot, plain };
