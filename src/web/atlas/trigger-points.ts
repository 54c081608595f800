/**
 * Where each muscle's trigger points lie, as body-map regions, so a muscle page can draw them as ×
 * (docs/design-system.md: the trigger point itself an ×). The atlas describes the spots in words; this table
 * names the region each description falls in, and the × is drawn in the middle of that region:
 * an approximate place, which the page says.
 */
import type { MuscleId } from "../../core/atlas/muscle-ids";
import { regionById, regionIdFor, type Side } from "../../core/body/regions";
import type { BodyMapPoint, BodyMapView, ReferralPattern } from "../body";
import { BODY_MAP_VIEWS } from "../body/geometry/views";

/** Region TYPE ids holding each muscle's trigger points (from the atlas's `triggerPoints` text). */
export const TRIGGER_POINT_REGIONS: Readonly<Record<MuscleId, readonly string[]>> = {
  "upper-trapezius": ["shoulder-top"],
  "middle-trapezius": ["scapula-medial"],
  "lower-trapezius": ["scapula-inferior"],
  "levator-scapulae": ["neck-lateral"],
  "scm-sternal": ["neck-anterior"],
  "scm-clavicular": ["neck-anterior"],
  suboccipitals: ["occiput"],
  "splenius-capitis": ["neck-posterior"],
  "splenius-cervicis": ["neck-posterior"],
  scalenes: ["neck-lateral"],
  temporalis: ["temple"],
  masseter: ["jaw"],
  "lateral-pterygoid": ["tmj"],
  "medial-pterygoid": ["jaw"],
  supraspinatus: ["suprascapular"],
  infraspinatus: ["scapula"],
  "teres-minor": ["shoulder-posterior"],
  "teres-major": ["scapula-inferior"],
  subscapularis: ["scapula"],
  "latissimus-dorsi": ["scapula-inferior"],
  "serratus-anterior": ["chest-lateral"],
  "serratus-posterior-superior": ["scapula-medial"],
  rhomboids: ["scapula-medial"],
  deltoid: ["shoulder-anterior", "shoulder-lateral", "shoulder-posterior"],
  "pectoralis-major": ["chest-upper"],
  "pectoralis-minor": ["chest-upper"],
  subclavius: ["chest-upper"],
  "biceps-brachii": ["arm-anterior"],
  "triceps-brachii": ["arm-posterior"],
  brachioradialis: ["forearm-radial"],
  supinator: ["elbow-lateral"],
  "wrist-extensors": ["forearm-dorsal"],
  "finger-extensors": ["forearm-dorsal"],
  "wrist-finger-flexors": ["forearm-volar"],
  "quadratus-lumborum": ["back-low"],
  iliopsoas: ["abdomen-lower"],
  "iliocostalis-thoracis": ["back-mid"],
  "iliocostalis-lumborum": ["back-low"],
  "longissimus-thoracis": ["back-mid"],
  multifidi: ["back-low"],
  "rectus-abdominis": ["abdomen-upper", "abdomen-lower"],
  "gluteus-maximus": ["buttock"],
  "gluteus-medius": ["buttock"],
  "gluteus-minimus": ["hip-lateral"],
  piriformis: ["buttock"],
  tfl: ["hip-anterior"],
  "hamstrings-medial": ["thigh-posterior"],
  "biceps-femoris": ["thigh-posterior"],
  "rectus-femoris": ["thigh-anterior"],
  "vastus-medialis": ["thigh-medial"],
  "vastus-lateralis": ["thigh-lateral"],
  "vastus-intermedius": ["thigh-anterior"],
  "adductor-longus-brevis": ["thigh-medial"],
  gastrocnemius: ["calf"],
  soleus: ["calf"],
  "tibialis-anterior": ["shin"],
  "peroneus-longus-brevis": ["leg-lateral"],
  "tibialis-posterior": ["calf"],
  "extensor-digitorum-longus": ["shin"],
  "long-toe-flexors": ["calf"],
  "intrinsic-foot": ["foot-sole"],
};

/** A type id on one side: `temple` → `temple-left`; a midline type keeps its bare id. */
export function sidedRegionId(typeId: string, side: Side): string {
  const sided = regionIdFor(typeId, side);
  return regionById(sided) ? sided : typeId;
}

/** The muscle's referral pattern as region ids on one side, for the body map's pattern mode. */
export function patternOnSide(
  pattern: { readonly essential: readonly string[]; readonly spillover: readonly string[] },
  side: Side,
): ReferralPattern {
  return {
    essential: pattern.essential.map((t) => sidedRegionId(t, side)),
    spillover: pattern.spillover.map((t) => sidedRegionId(t, side)),
  };
}

/** An × in the middle of each trigger-point region, on every drawing that shows it. */
export function triggerPointMarks(muscleId: MuscleId, side: Side, label: string): BodyMapPoint[] {
  const regionIds = new Set((TRIGGER_POINT_REGIONS[muscleId] ?? []).map((t) => sidedRegionId(t, side)));
  const points: BodyMapPoint[] = [];
  for (const view of BODY_MAP_VIEWS) {
    for (const figure of view.figures) {
      for (const region of figure.regions) {
        if (!regionIds.has(region.regionId)) continue;
        const [x, y] = region.centroid;
        points.push({ view: view.id, figure: figure.id, x, y, label });
      }
    }
  }
  return points;
}

/**
 * The view that shows most of the pattern (essential zones count double, trigger points too),
 * so a head pattern opens on the head and a calf pattern on the back. On a tie the zoomed view
 * wins: it draws the same regions bigger.
 */
export function bestViewFor(pattern: ReferralPattern, triggerRegionIds: readonly string[]): BodyMapView {
  const weights = new Map<string, number>();
  for (const id of pattern.spillover) weights.set(id, 1);
  for (const id of [...pattern.essential, ...triggerRegionIds]) weights.set(id, 2);
  let best: BodyMapView = "front";
  let bestScore = -1;
  for (const view of BODY_MAP_VIEWS) {
    const shown = new Set(view.figures.flatMap((f) => f.regions.map((r) => r.regionId)));
    let score = 0;
    for (const [id, weight] of weights) if (shown.has(id)) score += weight;
    const zoomed = view.id !== "front" && view.id !== "back";
    if (score > bestScore || (zoomed && score === bestScore && score > 0)) {
      best = view.id;
      bestScore = score;
    }
  }
  return best;
}
