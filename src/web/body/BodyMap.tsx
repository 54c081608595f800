import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { type NavigationDirection, type NavigationStep, nextFocus } from "../../core/body/neighbours";
import { cx } from "../ui/cx";
import styles from "./BodyMap.module.css";
import {
  BodyMapFigure,
  type FigurePoint,
  type RegionBehaviour,
  type TriggerPointStatus,
} from "./BodyMapFigure";
import { BodyMapLegend } from "./BodyMapLegend";
import type { CompiledRegion } from "./geometry/figure";
import { navigationPoints } from "./geometry/navigation";
import { type BodyMapView, type CompiledView, compiledView } from "./geometry/views";
import { IntensityPicker } from "./IntensityPicker";
import {
  announce,
  DEFAULT_INTENSITY,
  describeAppearance,
  intensityForKey,
  isMarked,
  type ReferralPattern,
  type RegionMarks,
  regionAppearance,
  withMark,
  withoutMark,
} from "./marking";
import { ViewTabs } from "./ViewTabs";

export type BodyMapMode = "mark" | "pattern" | "chart";

/** A trigger point to draw as an ×, in the coordinates of one figure of one view. */
export interface BodyMapPoint {
  readonly x: number;
  readonly y: number;
  readonly view: BodyMapView;
  /** Which drawing of the view (e.g. `palm-left`); defaults to the view's first figure. */
  readonly figure?: string;
  readonly label: string;
  /** Charting: drawn by status (active, latent, released); plain when absent. */
  readonly status?: TriggerPointStatus;
  /** Charting: the point being edited, ringed. */
  readonly selected?: boolean;
}

/** A point the user placed in chart mode: where, and on which region. */
export interface NewBodyMapPoint {
  readonly x: number;
  readonly y: number;
  readonly view: BodyMapView;
  readonly figure: string;
  readonly regionId: string;
}

export interface BodyMapProps {
  /** "mark": tap to mark pain; "pattern": show a referral pattern; "chart": marks plus trigger points. */
  readonly mode: BodyMapMode;
  readonly view: BodyMapView;
  readonly onViewChange: (view: BodyMapView) => void;
  /** Marked region ids → intensity 1-10. */
  readonly marks: RegionMarks;
  /** Called with the new marks after every change; without it the marks are shown only. */
  readonly onMarksChange?: (marks: RegionMarks) => void;
  /** Shown in pattern mode: the essential zone solid, the spillover zone lighter and stippled. */
  readonly pattern?: ReferralPattern;
  /** Trigger points, drawn as × on the views they belong to. */
  readonly points?: readonly BodyMapPoint[];
  /** In chart mode, tapping a region places a point there (Enter places it at the region's centre). */
  readonly onPointAdd?: (point: NewBodyMapPoint) => void;
  /** Show only: nothing can be marked or placed. */
  readonly readOnly?: boolean;
  /** The map's accessible name. */
  readonly label?: string;
  readonly className?: string;
}

const ARROW_DIRECTIONS: Readonly<Record<string, NavigationDirection>> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** The region that holds the map's single tab stop when nothing in this view has had focus yet. */
function defaultTabStop(view: CompiledView, selectedId: string | null): string | null {
  const regions = view.figures.flatMap((f) => f.regions);
  const selected = selectedId ? regions.find((r) => r.regionId === selectedId) : undefined;
  if (selected) return selected.key;
  // Reading order: the topmost region (the top of the head, a fingertip, a toe).
  const first = [...regions].sort(
    (a, b) => a.centroid[1] - b.centroid[1] || a.centroid[0] - b.centroid[0],
  )[0];
  return first?.key ?? null;
}

function pointsForFigure(
  points: readonly BodyMapPoint[],
  view: CompiledView,
  figureId: string,
): FigurePoint[] {
  const firstFigure = view.figures[0]?.id;
  return points.filter((p) => p.view === view.id && (p.figure ?? firstFigure) === figureId);
}

/** The region element an event happened on (regions carry their key in data-key). */
function regionElementOf(target: EventTarget): SVGPathElement | null {
  return target instanceof Element ? (target.closest("path[data-key]") as SVGPathElement | null) : null;
}

/** Where a click landed, in the drawing's own coordinates. */
function svgPointOf(element: SVGPathElement, event: MouseEvent): { x: number; y: number } | null {
  const svg = element.ownerSVGElement;
  const matrix = svg?.getScreenCTM()?.inverse();
  if (!svg || !matrix) return null;
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
  return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
}

/**
 * The interactive body map (docs/product.md F1, docs/design-system.md "The body map"): front, back and zoomed
 * head, hands and feet; mark pain with an intensity, show a muscle's referral pattern, chart
 * trigger points. Controlled: the view and the marks belong to the caller.
 */
export function BodyMap({
  mode,
  view: viewId,
  onViewChange,
  marks,
  onMarksChange,
  pattern,
  points = [],
  onPointAdd,
  readOnly = false,
  label = "Body map",
  className,
}: BodyMapProps) {
  // SVG ids end up in url(#…) references: keep them to plain characters.
  const idPrefix = `kw${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const view = compiledView(viewId);
  const navPoints = useMemo(() => navigationPoints(view), [view]);
  const regionsByKey = useMemo(
    () => new Map(view.figures.flatMap((f) => f.regions.map((r) => [r.key, r] as const))),
    [view],
  );

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rovingKey, setRovingKey] = useState<string | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  /** Focus came from the keyboard: only then draw the focus ring (a tap shows the selection instead). */
  const [focusVisible, setFocusVisible] = useState(false);
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  /** Last region tapped on a map that only shows: touch has no hover, so a tap names it. */
  const [inspectedKey, setInspectedKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const lastStep = useRef<NavigationStep | null>(null);
  const elements = useRef(new Map<string, SVGPathElement>());

  const showPattern = mode === "pattern";
  const canMark = !readOnly && !showPattern && onMarksChange !== undefined;
  const placesPoints = !readOnly && mode === "chart" && onPointAdd !== undefined;
  const tabStopKey = rovingKey && regionsByKey.has(rovingKey) ? rovingKey : defaultTabStop(view, selectedId);

  const appearanceOf = useCallback(
    (regionId: string) => regionAppearance(regionId, showPattern, marks, pattern),
    [showPattern, marks, pattern],
  );

  const changeMarks = (next: RegionMarks, message: string) => {
    onMarksChange?.(next);
    setAnnouncement(message);
  };

  const markOrUnmark = (regionId: string) => {
    if (isMarked(marks, regionId)) {
      changeMarks(withoutMark(marks, regionId), announce.unmarked(regionId));
      if (selectedId === regionId) setSelectedId(null);
    } else {
      changeMarks(withMark(marks, regionId, DEFAULT_INTENSITY), announce.marked(regionId, DEFAULT_INTENSITY));
      setSelectedId(regionId);
    }
  };

  const setIntensity = (regionId: string, intensity: number) => {
    const wasMarked = isMarked(marks, regionId);
    changeMarks(
      withMark(marks, regionId, intensity),
      wasMarked ? announce.intensity(regionId, intensity) : announce.marked(regionId, intensity),
    );
    setSelectedId(regionId);
  };

  const addPoint = (region: CompiledRegion, at: { x: number; y: number }) => {
    onPointAdd?.({ ...at, view: view.id, figure: region.figureId, regionId: region.regionId });
    setAnnouncement(announce.pointAdded(region.regionId));
  };

  const regionOf = (target: EventTarget) => {
    const element = regionElementOf(target);
    const region = element ? regionsByKey.get(element.dataset.key ?? "") : undefined;
    return element && region ? { element, region } : null;
  };

  const onMapClick = (event: MouseEvent<HTMLFieldSetElement>) => {
    const hit = regionOf(event.target);
    if (!hit) return;
    const { element, region } = hit;
    if (placesPoints) {
      const at = svgPointOf(element, event);
      addPoint(region, at ?? { x: region.centroid[0], y: region.centroid[1] });
      return;
    }
    if (!canMark) {
      setInspectedKey(region.key);
      return;
    }
    // Tap marks and selects; tapping the selected region again unmarks it; tapping another
    // marked region selects it so its intensity can be changed.
    if (isMarked(marks, region.regionId) && selectedId !== region.regionId) {
      setSelectedId(region.regionId);
      setAnnouncement(announce.intensity(region.regionId, marks[region.regionId] ?? DEFAULT_INTENSITY));
      return;
    }
    markOrUnmark(region.regionId);
  };

  const focusRegion = (key: string) => {
    setRovingKey(key);
    elements.current.get(key)?.focus();
  };

  const onMapKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const region = focusedKey ? regionsByKey.get(focusedKey) : undefined;
    if (!region) return;
    const direction = ARROW_DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      const next = nextFocus(navPoints, region.key, direction, lastStep.current);
      if (next) {
        lastStep.current = { from: region.key, to: next, direction };
        focusRegion(next);
      }
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (placesPoints) addPoint(region, { x: region.centroid[0], y: region.centroid[1] });
      else if (canMark) markOrUnmark(region.regionId);
      return;
    }
    const intensity = intensityForKey(event.key);
    if (intensity !== null && canMark) {
      event.preventDefault();
      setIntensity(region.regionId, intensity);
      return;
    }
    if (event.key === "Escape" && selectedId) {
      event.preventDefault();
      setSelectedId(null);
      setAnnouncement(announce.deselected());
    }
  };

  const behaviour: RegionBehaviour = {
    idPrefix,
    appearanceOf,
    role: canMark || placesPoints ? "button" : "img",
    togglesMarks: canMark,
    tabStopKey,
    focusedKey: focusVisible ? focusedKey : null,
    hoveredKey,
    selectedId,
    viewId: view.id,
    registerElement: (key, element) => {
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
  };

  const onMapFocus = (event: FocusEvent<HTMLFieldSetElement>) => {
    const hit = regionOf(event.target);
    if (!hit) return;
    setFocusedKey(hit.region.key);
    setFocusVisible(hit.element.matches(":focus-visible"));
    setRovingKey(hit.region.key);
  };

  const onMapBlur = (event: FocusEvent<HTMLFieldSetElement>) => {
    const hit = regionOf(event.target);
    if (hit) setFocusedKey((current) => (current === hit.region.key ? null : current));
  };

  const onMapPointerOver = (event: PointerEvent<HTMLFieldSetElement>) => {
    setHoveredKey(regionOf(event.target)?.region.key ?? null);
  };

  const selectedKey = selectedId
    ? view.figures.flatMap((f) => f.regions).find((r) => r.regionId === selectedId)?.key
    : undefined;
  const nameKey = hoveredKey ?? focusedKey ?? inspectedKey ?? selectedKey;
  const named = nameKey ? regionsByKey.get(nameKey) : undefined;
  const selectedIntensity = selectedId ? marks[selectedId] : undefined;
  const tabId = (v: BodyMapView) => `${idPrefix}-tab-${v}`;
  const panelId = `${idPrefix}-panel`;
  const keysHelpId = `${idPrefix}-keys`;

  return (
    <div className={cx(styles.bodymap, className)} data-view={view.id} data-mode={mode}>
      <ViewTabs view={view.id} onViewChange={onViewChange} tabId={tabId} panelId={panelId} />
      <div className={styles.bodymapBody}>
        <div role="tabpanel" id={panelId} aria-labelledby={tabId(view.id)} className={styles.bodymapStage}>
          <fieldset
            aria-label={`${label}, ${view.label.toLowerCase()} view`}
            aria-describedby={keysHelpId}
            className={cx(
              styles.bodymapFigures,
              view.figures.length > 1 ? styles.isSeveral : styles.isSingle,
            )}
            onKeyDown={onMapKeyDown}
            onClick={onMapClick}
            onFocus={onMapFocus}
            onBlur={onMapBlur}
            onPointerOver={onMapPointerOver}
            onPointerLeave={() => setHoveredKey(null)}
          >
            {view.figures.map((figure) => (
              <BodyMapFigure
                key={figure.id}
                figure={figure}
                behaviour={behaviour}
                points={pointsForFigure(points, view, figure.id)}
              />
            ))}
          </fieldset>
        </div>
        <div className={styles.bodymapPanel}>
          <div className={styles.bodymapSelection}>
            <div className={styles.bodymapNamebar}>
              {named ? (
                <p>
                  <span className={styles.bodymapNameLabel}>{named.label}</span>
                  {describeAppearance(appearanceOf(named.regionId)) && (
                    <span className={styles.bodymapNameState}>
                      {" "}
                      · {describeAppearance(appearanceOf(named.regionId))}
                    </span>
                  )}
                </p>
              ) : (
                <p className={styles.bodymapHint}>
                  {hintFor(mode, canMark, placesPoints, view.figures.length > 1)}
                </p>
              )}
              <p id={keysHelpId} className={styles.bodymapKeys}>
                {canMark
                  ? "Keys: arrows move between areas, Enter marks or unmarks, 1–9 and 0 (for 10) set how strong, Esc clears the selection."
                  : placesPoints
                    ? "Keys: arrows move between areas, Enter places a trigger point in the middle of the area."
                    : "Keys: arrows move between areas."}
              </p>
            </div>
            {canMark && selectedId && selectedIntensity !== undefined && (
              <IntensityPicker
                regionId={selectedId}
                intensity={selectedIntensity}
                onIntensityChange={(level) => setIntensity(selectedId, level)}
                onRemove={() => {
                  changeMarks(withoutMark(marks, selectedId), announce.unmarked(selectedId));
                  setSelectedId(null);
                }}
              />
            )}
          </div>
          <BodyMapLegend showPattern={showPattern} showPoints={points.length > 0 || placesPoints} />
        </div>
      </div>
      <output className={styles.bodymapSrOnly} aria-live="polite">
        {announcement}
      </output>
    </div>
  );
}

function hintFor(mode: BodyMapMode, canMark: boolean, placesPoints: boolean, detailView: boolean): string {
  if (placesPoints) return "Tap where you found a trigger point.";
  if (canMark) {
    return detailView
      ? "Tap where it hurts, then choose how strong it is."
      : "Tap where it hurts. For the face, hands and feet, the Head, Hands and Feet tabs are bigger.";
  }
  return mode === "pattern"
    ? "Tap or point at an area to see its name."
    : "Tap or point at an area to see its name and how strong the pain is.";
}
