/**
 * Where a session that still owes the second factor must go first (null: nowhere). A module of its
 * own with no imports: the app shell uses it on every page, the finder's first load included.
 */
export function secondFactorPath(
  session: { twoFactor?: { pending: "verify" | "enrol" | null } } | null,
  next: string,
): string | null {
  const pending = session?.twoFactor?.pending;
  if (!pending) return null;
  const base = pending === "verify" ? "/sign-in/two-factor" : "/two-factor/setup";
  return `${base}?next=${encodeURIComponent(next)}`;
}
