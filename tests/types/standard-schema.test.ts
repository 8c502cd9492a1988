// The package's Standard Schema against the real @standard-schema/spec types (compile-only).
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { extensionUpdateSchema, type ExtensionUpdateBody, type ExtensionUpdateInput } from "../../pkg/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T): void => {};

const asSpec: StandardSchemaV1<ExtensionUpdateInput, ExtensionUpdateBody> = extensionUpdateSchema;
assertType<Equal<StandardSchemaV1.InferOutput<typeof extensionUpdateSchema>, ExtensionUpdateBody>>(true);
assertType<Equal<StandardSchemaV1.InferInput<typeof extensionUpdateSchema>, ExtensionUpdateInput>>(true);

const result = asSpec["~standard"].validate({ extid: "1" });
if (!(result instanceof Promise)) {
  if (result.issues) {
    const first: StandardSchemaV1.Issue | undefined = result.issues[0];
    void first;
  } else {
    const body: ExtensionUpdateBody = result.value;
    void body;
  }
}
// @ts-expect-error the vendor is a literal
const wrongVendor: "zod" = extensionUpdateSchema["~standard"].vendor;
void wrongVendor;
