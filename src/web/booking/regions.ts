/**
 * The pain finder hands its marks on as `?regions=temple-left:6,neck-posterior-left:4`. Booking
 * shows them and sends them with the request as part of the note for the therapist.
 */
import { regionById } from "../../core/body/regions";
import { marksList, parseMarks } from "../finder/marks-url";

export interface MarkedRegion {
  id: string;
  label: string;
  intensity: number;
}

/** The finder's own reading of `?regions=` (unknown ids and junk dropped), with each region's label. */
export function parseRegions(value: string | null | undefined): MarkedRegion[] {
  return marksList(parseMarks(value)).map(({ id, intensity }) => ({
    id,
    label: regionById(id)?.label ?? id,
    intensity,
  }));
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
