/**
 * The shared body-region vocabulary (PRODUCT.md F1). The 80 region *types* come from
 * shared/reference/referral-patterns.json; a paired type becomes `TYPE-left` / `TYPE-right`,
 * a midline type keeps its bare id. These ids are a public API/CLI contract: never rename one.
 */

export const REGION_GROUPS = ["head","neck","upper-back","mid-back","low-back","pelvis-back","chest","abdomen","shoulder","arm","elbow","forearm","hand","hip","thigh","knee","leg","foot"] as const;
export type RegionGroup = (typeof REGION_GROUPS)[number];

/** Which whole-body view(s) a region is drawn on: F(ront), B(ack) or both. */
export type BodyView = "F" | "B" | "FB";
/** A zoomed view that draws the small regions large enough to tap. */
export type DetailView = "head" | "hand" | "foot";
export type Side = "left" | "right";

export interface RegionType {
  readonly id: string;
  readonly label: string;
  readonly group: RegionGroup;
  readonly view: BodyView;
  readonly paired: boolean;
  readonly detailView: DetailView | null;
}

export const REGION_TYPES: readonly RegionType[] = [
  { id: "vertex", label: "Top of head (vertex)", group: "head", view: "FB", paired: false, detailView: null },
  { id: "forehead", label: "Forehead / frontal", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "temple", label: "Temple", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "eye", label: "Eye / eyebrow / behind the eye (orbit)", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "cheek", label: "Cheek / maxilla / 'sinus' area", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "teeth-upper", label: "Upper teeth", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "teeth-lower", label: "Lower teeth", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "tmj", label: "Jaw joint (TMJ) / in front of ear", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "jaw", label: "Lower jaw / angle of mandible", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "ear", label: "Ear (deep ear)", group: "head", view: "F", paired: true, detailView: "head" },
  { id: "mastoid", label: "Behind the ear (mastoid)", group: "head", view: "B", paired: true, detailView: "head" },
  { id: "occiput", label: "Back of head (occiput)", group: "head", view: "B", paired: true, detailView: null },
  { id: "throat", label: "Throat / mouth / tongue / palate (midline)", group: "neck", view: "F", paired: false, detailView: "head" },
  { id: "neck-anterior", label: "Front of neck (along SCM)", group: "neck", view: "F", paired: true, detailView: null },
  { id: "neck-lateral", label: "Side of neck", group: "neck", view: "FB", paired: true, detailView: null },
  { id: "neck-posterior", label: "Back of neck", group: "neck", view: "B", paired: true, detailView: null },
  { id: "shoulder-top", label: "Top of shoulder (trapezius ridge / acromion)", group: "upper-back", view: "B", paired: true, detailView: null },
  { id: "suprascapular", label: "Above shoulder blade (supraspinous)", group: "upper-back", view: "B", paired: true, detailView: null },
  { id: "scapula", label: "Over shoulder blade (infraspinous)", group: "upper-back", view: "B", paired: true, detailView: null },
  { id: "scapula-medial", label: "Between shoulder blade and spine (vertebral border)", group: "upper-back", view: "B", paired: true, detailView: null },
  { id: "scapula-inferior", label: "Lower tip of shoulder blade (inferior angle)", group: "upper-back", view: "B", paired: true, detailView: null },
  { id: "back-mid", label: "Mid back (lower thoracic / thoracolumbar)", group: "mid-back", view: "B", paired: true, detailView: null },
  { id: "back-low", label: "Low back (lumbar)", group: "low-back", view: "B", paired: true, detailView: null },
  { id: "sacroiliac", label: "Sacroiliac joint region", group: "pelvis-back", view: "B", paired: true, detailView: null },
  { id: "sacrum", label: "Sacrum (midline)", group: "pelvis-back", view: "B", paired: false, detailView: null },
  { id: "coccyx", label: "Tailbone (coccyx)", group: "pelvis-back", view: "B", paired: false, detailView: null },
  { id: "chest-upper", label: "Upper chest (pectoral / below collarbone)", group: "chest", view: "F", paired: true, detailView: null },
  { id: "sternum", label: "Breastbone (sternum)", group: "chest", view: "F", paired: false, detailView: null },
  { id: "breast", label: "Breast / nipple area", group: "chest", view: "F", paired: true, detailView: null },
  { id: "chest-lateral", label: "Side of chest (anterolateral ribs)", group: "chest", view: "F", paired: true, detailView: null },
  { id: "abdomen-upper", label: "Upper abdomen", group: "abdomen", view: "F", paired: true, detailView: null },
  { id: "abdomen-lower", label: "Lower abdomen", group: "abdomen", view: "F", paired: true, detailView: null },
  { id: "groin", label: "Groin (inguinal)", group: "abdomen", view: "F", paired: true, detailView: null },
  { id: "shoulder-anterior", label: "Front of shoulder", group: "shoulder", view: "F", paired: true, detailView: null },
  { id: "shoulder-lateral", label: "Side of shoulder (mid-deltoid)", group: "shoulder", view: "FB", paired: true, detailView: null },
  { id: "shoulder-posterior", label: "Back of shoulder", group: "shoulder", view: "B", paired: true, detailView: null },
  { id: "arm-anterior", label: "Front of upper arm", group: "arm", view: "F", paired: true, detailView: null },
  { id: "arm-lateral", label: "Outer upper arm", group: "arm", view: "FB", paired: true, detailView: null },
  { id: "arm-medial", label: "Inner upper arm", group: "arm", view: "F", paired: true, detailView: null },
  { id: "arm-posterior", label: "Back of upper arm", group: "arm", view: "B", paired: true, detailView: null },
  { id: "elbow-anterior", label: "Crook of elbow (antecubital)", group: "elbow", view: "F", paired: true, detailView: null },
  { id: "elbow-lateral", label: "Outer elbow (lateral epicondyle)", group: "elbow", view: "FB", paired: true, detailView: null },
  { id: "elbow-medial", label: "Inner elbow (medial epicondyle)", group: "elbow", view: "FB", paired: true, detailView: null },
  { id: "elbow-posterior", label: "Back of elbow (olecranon)", group: "elbow", view: "B", paired: true, detailView: null },
  { id: "forearm-volar", label: "Forearm, palm side", group: "forearm", view: "F", paired: true, detailView: null },
  { id: "forearm-dorsal", label: "Forearm, back side", group: "forearm", view: "B", paired: true, detailView: null },
  { id: "forearm-radial", label: "Forearm, thumb-side border", group: "forearm", view: "FB", paired: true, detailView: null },
  { id: "forearm-ulnar", label: "Forearm, little-finger-side border", group: "forearm", view: "FB", paired: true, detailView: null },
  { id: "wrist-volar", label: "Wrist, palm side", group: "hand", view: "F", paired: true, detailView: "hand" },
  { id: "wrist-dorsal", label: "Wrist, back side", group: "hand", view: "B", paired: true, detailView: "hand" },
  { id: "hand-palm", label: "Palm", group: "hand", view: "F", paired: true, detailView: "hand" },
  { id: "hand-dorsum", label: "Back of hand", group: "hand", view: "B", paired: true, detailView: "hand" },
  { id: "thumb", label: "Thumb (incl. web / base of thumb)", group: "hand", view: "FB", paired: true, detailView: "hand" },
  { id: "finger-index", label: "Index finger", group: "hand", view: "FB", paired: true, detailView: "hand" },
  { id: "finger-middle", label: "Middle finger", group: "hand", view: "FB", paired: true, detailView: "hand" },
  { id: "finger-ulnar", label: "Ring & little fingers", group: "hand", view: "FB", paired: true, detailView: "hand" },
  { id: "buttock", label: "Buttock (upper / central / lateral)", group: "hip", view: "B", paired: true, detailView: null },
  { id: "buttock-lower", label: "Lower buttock / gluteal fold", group: "hip", view: "B", paired: true, detailView: null },
  { id: "hip-lateral", label: "Outer hip (greater trochanter)", group: "hip", view: "FB", paired: true, detailView: null },
  { id: "hip-anterior", label: "Front of hip", group: "hip", view: "F", paired: true, detailView: null },
  { id: "thigh-anterior", label: "Front of thigh", group: "thigh", view: "F", paired: true, detailView: null },
  { id: "thigh-medial", label: "Inner thigh", group: "thigh", view: "F", paired: true, detailView: null },
  { id: "thigh-lateral", label: "Outer thigh", group: "thigh", view: "FB", paired: true, detailView: null },
  { id: "thigh-posterior", label: "Back of thigh", group: "thigh", view: "B", paired: true, detailView: null },
  { id: "knee-anterior", label: "Front of knee / kneecap", group: "knee", view: "F", paired: true, detailView: null },
  { id: "knee-medial", label: "Inner knee", group: "knee", view: "F", paired: true, detailView: null },
  { id: "knee-lateral", label: "Outer knee", group: "knee", view: "FB", paired: true, detailView: null },
  { id: "knee-posterior", label: "Back of knee (popliteal)", group: "knee", view: "B", paired: true, detailView: null },
  { id: "shin", label: "Shin (front / inner lower leg)", group: "leg", view: "F", paired: true, detailView: null },
  { id: "leg-lateral", label: "Outer lower leg (peroneal)", group: "leg", view: "FB", paired: true, detailView: null },
  { id: "calf", label: "Calf (back of lower leg)", group: "leg", view: "B", paired: true, detailView: null },
  { id: "ankle-anterior", label: "Front of ankle", group: "foot", view: "F", paired: true, detailView: "foot" },
  { id: "ankle-lateral", label: "Outer ankle (lateral malleolus)", group: "foot", view: "FB", paired: true, detailView: "foot" },
  { id: "ankle-medial", label: "Inner ankle (medial malleolus)", group: "foot", view: "FB", paired: true, detailView: "foot" },
  { id: "achilles", label: "Achilles tendon", group: "foot", view: "B", paired: true, detailView: "foot" },
  { id: "heel", label: "Heel (back and underside)", group: "foot", view: "B", paired: true, detailView: "foot" },
  { id: "foot-dorsum", label: "Top of foot", group: "foot", view: "F", paired: true, detailView: "foot" },
  { id: "foot-sole", label: "Sole / arch / ball of foot", group: "foot", view: "B", paired: true, detailView: "foot" },
  { id: "toe-big", label: "Big toe", group: "foot", view: "FB", paired: true, detailView: "foot" },
  { id: "toes-lesser", label: "Lesser toes", group: "foot", view: "FB", paired: true, detailView: "foot" },
];
