import { isRegionId } from "../body/regions";
import { type FinderRequest, FinderRequestSchema } from "./contract";

/** The `{ code, message, field }` body of a 400 answer. */
export interface FinderInputError {
  readonly code: "unknown_region" | "invalid_input";
  readonly message: string;
  /** Where the problem is, e.g. `regions[2].id`; absent when the whole body is wrong. */
  readonly field?: string;
}

export type FinderInputValidation =
  | { readonly ok: true; readonly value: FinderRequest }
  | { readonly ok: false; readonly error: FinderInputError };

/** `["regions", 2, "id"]` → `regions[2].id`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => {
    if (typeof key === "number") return `${field}[${key}]`;
    const name = String(key);
    return field === "" ? name : `${field}.${name}`;
  }, "");
}

function firstUnknownRegion(request: FinderRequest): FinderInputError | undefined {
  const index = request.regions.findIndex((mark) => !isRegionId(mark.id));
  const mark = request.regions[index];
  if (!mark) return undefined;
  return {
    code: "unknown_region",
    field: `regions[${index}].id`,
    message: `Unknown region id ${JSON.stringify(mark.id)}`,
  };
}

/**
 * Parses a finder request (shape, 1-40 regions, intensity 1-10 defaulting to 5) and checks every
 * region id against the vocabulary. Returns the parsed request, or the first problem found:
 * a shape problem as `invalid_input`, else the first unknown id as `unknown_region`.
 */
export function validateFinderInput(input: unknown): FinderInputValidation {
  const parsed = FinderRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatFieldPath(issue.path) : "";
    return {
      ok: false,
      error: {
        code: "invalid_input",
        message: issue?.message ?? "Invalid finder request",
        ...(field === "" ? {} : { field }),
      },
    };
  }
  const unknown = firstUnknownRegion(parsed.data);
  return unknown ? { ok: false, error: unknown } : { ok: true, value: parsed.data };
}
