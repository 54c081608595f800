/**
 * The shape of a chart as the pure rules see it (docs/product.md F6): the note (SOAP, pain before
 * and after, consultation findings) and its trigger point records. The wire contract
 * (src/core/api/charting.ts) validates these shapes; this file only names them.
 */
import type { MuscleId } from "../atlas";
import type { MovementTestId } from "./movement-tests";
import type { PostureFindingId } from "./posture";

/** The body map's views (src/web/body): where a point was tapped. */
export const MAP_VIEWS = ["front", "back", "head", "hands", "feet"] as const;
export type MapView = (typeof MAP_VIEWS)[number];
/**
 * A point's position on its view, in thousandths of the view's drawing (x from the viewer's left,
 * y from the top), so a stored point does not depend on the drawing's pixel size.
 */
export const MAP_SCALE = 1000;

export const CHART_SIDES = ["left", "right"] as const;
export type ChartSide = (typeof CHART_SIDES)[number];
export const PRESSURES = ["gentle", "strong", "deep"] as const;
export type Pressure = (typeof PRESSURES)[number];
export const RELEASES = ["full", "partial", "none"] as const;
export type Release = (typeof RELEASES)[number];
/** A consultation (first visit, repeatable) or a treatment session; both may hold findings and points. */
export const CHART_KINDS = ["consultation", "session"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface PostureObservation {
  id: PostureFindingId;
  /** The side for a sided finding (see POSTURE_FINDINGS); null otherwise. */
  side: ChartSide | null;
  note: string;
}

export interface MovementObservation {
  testId: MovementTestId;
  side: ChartSide | null;
  /** Measured active range in degrees; null when the test was done but not measured. */
  degrees: number | null;
  painOnMovement: boolean;
  /** Pain on movement 0–10, when asked. */
  pain: number | null;
  note: string;
}

export interface Consultation {
  posture: PostureObservation[];
  movement: MovementObservation[];
  note: string;
}

/** Everything of a note that can be written (and amended after signing). */
export interface NoteContent {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  painBefore: number | null;
  painAfter: number | null;
  consultation: Consultation | null;
  /** What to do next, in the client's words: shown in their portal summary. */
  clientNote: string;
}

export interface TriggerPointFields {
  muscleId: MuscleId;
  side: ChartSide | null;
  /** The body-map region id the point lies in, e.g. `neck-posterior-left`. */
  regionId: string | null;
  mapView: MapView | null;
  mapX: number | null;
  mapY: number | null;
  active: boolean;
  pressure: Pressure | null;
  /** Client comfort 0–10 under pressure (0 comfortable, 10 unbearable). */
  comfort: number | null;
  /** Total seconds held (several holds add up). */
  holdSeconds: number;
  twitch: boolean;
  /** Region ids where the client felt the referred pain reproduced. */
  referralReproduced: string[];
  release: Release | null;
  /** The stretch applied (the atlas's stretch for the muscle, or the therapist's words); null: none. */
  stretchApplied: string | null;
}

export interface TriggerPoint extends TriggerPointFields {
  id: string;
}

export interface ChartState {
  note: NoteContent;
  points: TriggerPoint[];
}

export const EMPTY_NOTE: NoteContent = {
  subjective: "",
  objective: "",
  assessment: "",
  plan: "",
  painBefore: null,
  painAfter: null,
  consultation: null,
  clientNote: "",
};
