import { REGION_TYPES, type RegionType, type Side } from "./region-types";

export * from "./region-types";

/** A concrete, markable region: a region type on one side (or the midline). */
export interface Region {
  /** Public id, e.g. `temple-left` or `sacrum`. */
  readonly id: string;
  readonly type: RegionType;
  /** `null` for a midline region. */
  readonly side: Side | null;
  /** Plain-language name including the side, e.g. "Temple (left)". */
  readonly label: string;
}

const SIDES: readonly Side[] = ["left", "right"];

export function regionIdFor(typeId: string, side: Side | null): string {
  return side ? `${typeId}-${side}` : typeId;
}

function expandRegionType(type: RegionType): Region[] {
  if (!type.paired) return [{ id: type.id, type, side: null, label: type.label }];
  return SIDES.map((side) => ({
    id: regionIdFor(type.id, side),
    type,
    side,
    label: `${type.label} (${side})`,
  }));
}

/** Every region id the API, CLI and body map accept, in vocabulary order. */
export const REGIONS: readonly Region[] = REGION_TYPES.flatMap(expandRegionType);

const REGIONS_BY_ID: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.id, r]));
const REGION_TYPES_BY_ID: ReadonlyMap<string, RegionType> = new Map(REGION_TYPES.map((t) => [t.id, t]));

export function regionById(id: string): Region | undefined {
  return REGIONS_BY_ID.get(id);
}

export function regionTypeById(id: string): RegionType | undefined {
  return REGION_TYPES_BY_ID.get(id);
}

export function isRegionId(id: string): boolean {
  return REGIONS_BY_ID.has(id);
}

/** The ids in `ids` that are not in the vocabulary, in input order (for "unknown region" errors). */
export function unknownRegionIds(ids: readonly string[]): string[] {
  return ids.filter((id) => !REGIONS_BY_ID.has(id));
}
