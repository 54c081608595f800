/** Screening flags as small badges beside a client's name (staff lists, page headers). */
import type { ScreeningFlag } from "../../core/api/intake";
import "./staff.css";

const KIND_LABEL: Record<ScreeningFlag["kind"], string> = {
  "red-flag": "Red flag",
  hold: "On hold",
  caution: "Caution",
};

export function FlagBadges({ flags, limit = 3 }: { flags: readonly ScreeningFlag[]; limit?: number }) {
  const open = flags.filter((f) => !f.cleared);
  if (open.length === 0) return null;
  const shown = open.slice(0, limit);
  return (
    <span className="kw-flags">
      {shown.map((flag) => (
        <span key={`${flag.kind}:${flag.id}`} className={`kw-flag kw-flag--${flag.kind}`}>
          <span className="kw-flag__kind">{KIND_LABEL[flag.kind]}:</span> {flag.label}
          {flag.provisional ? <span className="kw-flag__note"> (not yet submitted)</span> : null}
        </span>
      ))}
      {open.length > shown.length ? (
        <span className="kw-flag kw-flag--more">+{open.length - shown.length} more</span>
      ) : null}
    </span>
  );
}
