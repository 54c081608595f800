/**
 * The pain finder hands its marks on as `?regions=temple-left:6,neck-posterior-left:4`. Booking
 * shows them and sends them with the request as part of the note for the therapist.
 */
import { regionById } from "../../core/body/regions";

export interface MarkedRegion {
  id: string;
  label: string;
  intensity: number;
}

const MAX_REGIONS = 40;

/** Unknown ids and junk are dropped: a mistyped link still books. */
export function parseRegions(value: string | null | undefined): MarkedRegion[] {
  const found = new Map<string, MarkedRegion>();
  for (const part of (value ?? "").split(",")) {
    if (found.size >= MAX_REGIONS) break;
    const [rawId = "", rawIntensity] = part.trim().split(":");
    const region = regionById(rawId.trim().toLowerCase());
    if (!region) continue;
    const parsed = rawIntensity ? Number(rawIntensity) : 5;
    const intensity = Number.isFinite(parsed) ? Math.min(10, Math.max(1, Math.round(parsed))) : 5;
    const previous = found.get(region.id);
    found.set(region.id, {
      id: region.id,
      label: region.label,
      intensity: Math.max(previous?.intensity ?? 0, intensity),
    });
  }
  return [...found.values()];
}

/** The note sent to the clinic: the marked areas first, then what the client wrote. */
export function composeNote(regions: readonly MarkedRegion[], note: string, max = 1000): string {
  const areas =
    regions.length > 0
      ? `Areas marked in the pain finder: ${regions.map((r) => `${r.label} ${r.intensity}/10`).join(", ")}.`
      : "";
  const text = [areas, note.trim()].filter(Boolean).join("\n\n");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
