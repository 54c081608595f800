/**
 * Paths that carry a secret (a therapist's private feed token, an invitation's token in the
 * accept page's URL) are logged with the secret replaced, so a log reader cannot use them.
 */
const SECRET_PATHS: readonly [RegExp, string][] = [
  [/^(\/api\/feeds\/therapists\/)[^/]+?(\.ics)?$/, "$1[redacted]$2"],
  [/^(\/invite\/)[^/]+$/, "$1[redacted]"],
];

export function redactPath(path: string): string {
  for (const [pattern, replacement] of SECRET_PATHS)
    if (pattern.test(path)) return path.replace(pattern, replacement);
  return path;
}
