/** Every `reference` inside a Bundle that names no entry's fullUrl (an export must have none). */
export function unresolvedReferences(bundle: {
  entry?: { fullUrl?: string; resource?: unknown }[];
}): string[] {
  const known = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const missing: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "reference" && typeof inner === "string") {
          if (!known.has(inner)) missing.push(inner);
        } else walk(inner);
      }
    }
  };
  for (const entry of bundle.entry ?? []) walk(entry.resource);
  return missing;
}
