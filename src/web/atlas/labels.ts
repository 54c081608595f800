/** Plain words for the atlas's codes: body areas, causes, tools, evidence. */
import type { CauseTag, Confidence, SelfTreatmentTool } from "../../core/atlas/types";
import { REGION_GROUPS, type RegionGroup, regionTypeById } from "../../core/body/regions";

export const GROUP_LABELS: Readonly<Record<RegionGroup, string>> = {
  head: "Head and jaw",
  neck: "Neck",
  "upper-back": "Upper back",
  "mid-back": "Mid back",
  "low-back": "Low back",
  "pelvis-back": "Back of the pelvis",
  chest: "Chest",
  abdomen: "Belly",
  shoulder: "Shoulder",
  arm: "Upper arm",
  elbow: "Elbow",
  forearm: "Forearm",
  hand: "Hand",
  hip: "Hip and buttock",
  thigh: "Thigh",
  knee: "Knee",
  leg: "Lower leg",
  foot: "Foot",
};

export const GROUP_ORDER: readonly RegionGroup[] = REGION_GROUPS;

export const CAUSE_LABELS: Readonly<Record<CauseTag, string>> = {
  posture: "Posture",
  "repetitive-movement": "Repetitive movement",
  overuse: "Overuse",
  stress: "Stress",
  injury: "Injury",
};

export const TOOL_LABELS: Readonly<Record<SelfTreatmentTool, string>> = {
  "massage-ball": "Massage ball",
  "foam-roller": "Foam roller",
  fingers: "Your fingers",
  cane: "Self-massage cane",
};

export const CONFIDENCE_LABELS: Readonly<Record<Confidence, string>> = {
  high: "Well documented",
  medium: "Fairly well documented",
  low: "Less well documented",
};

/**
 * A region type's name for running text: the part before any slash or bracket, so
 * "Cheek / maxilla / 'sinus' area" reads "Cheek" and "Back of head (occiput)" reads "Back of head".
 */
export function shortRegionName(typeId: string): string {
  const label = regionTypeById(typeId)?.label ?? typeId;
  return label.split(/\s[/(]/)[0]?.trim() || label;
}

/** "Upper teeth" → "upper teeth" for the middle of a sentence (leaves "SCM"-style words alone). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

export function regionNameList(typeIds: readonly string[]): string {
  const names = typeIds.map(shortRegionName);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
