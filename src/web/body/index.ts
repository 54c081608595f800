export type { BodyMapMode, BodyMapPoint, BodyMapProps, NewBodyMapPoint } from "./BodyMap";
export { BodyMap } from "./BodyMap";
export { BODY_MAP_VIEW_IDS, type BodyMapView, isBodyMapView, viewsShowingRegion } from "./geometry/views";
export type { ReferralPattern, RegionMarks } from "./marking";
