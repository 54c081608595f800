/**
 * Deterministic ids for resources that have no row of their own (an Observation per intake region,
 * the intake Questionnaire): the same record always exports with the same ids, and every id is a
 * UUID, so each entry's fullUrl can be `urn:uuid:…`. Pure JS (no node:crypto): src/core runs in browsers.
 */

/** Two 64-bit FNV-1a hashes (different offset bases) of the parts, shaped as a version-8 UUID. */
export function derivedUuid(...parts: readonly string[]): string {
  const text = parts.join("\u0000");
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  let a = 0xcbf29ce484222325n;
  let b = 0x84222325cbf29ce4n;
  for (let i = 0; i < text.length; i++) {
    const c = BigInt(text.charCodeAt(i));
    a = ((a ^ c) * prime) & mask;
    b = ((b ^ (c + 0x9en)) * prime) & mask;
  }
  const hex = (a.toString(16).padStart(16, "0") + b.toString(16).padStart(16, "0")).split("");
  hex[12] = "8"; // version 8: custom
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
