import { type CSSProperties, type RefObject, useLayoutEffect, useRef, useState } from "react";
import { cx } from "../ui/cx";
import { useMediaQuery } from "../ui/useMediaQuery";
import styles from "./BodyMap.module.css";
import type { CompiledFigure, CompiledLayer, CompiledRegion } from "./geometry/figure";
import { type BodyMapView, isHomeView } from "./geometry/views";
import { describeAppearance, type RegionAppearance } from "./marking";
import { StipplePattern } from "./StipplePattern";

export type TriggerPointStatus = "active" | "latent" | "released";

export interface FigurePoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly status?: TriggerPointStatus;
  readonly selected?: boolean;
}

/** Everything a figure needs to draw and wire up its regions; shared by all figures of a view. */
export interface RegionBehaviour {
  /** Prefix for SVG ids, unique per map instance. */
  readonly idPrefix: string;
  readonly appearanceOf: (regionId: string) => RegionAppearance;
  /** "button" when tapping does something, "img" when the map only shows. */
  readonly role: "button" | "img";
  /** Whether regions expose a pressed (marked) state. */
  readonly togglesMarks: boolean;
  readonly tabStopKey: string | null;
  readonly focusedKey: string | null;
  readonly hoveredKey: string | null;
  readonly selectedId: string | null;
  readonly registerElement: (key: string, element: SVGPathElement | null) => void;
  /** The view being drawn: small regions get a finger-sized outline only in their own view. */
  readonly viewId: BodyMapView;
}

interface BodyMapFigureProps {
  readonly figure: CompiledFigure;
  readonly behaviour: RegionBehaviour;
  readonly points: readonly FigurePoint[];
}

/** The smallest a target may be for a finger, in CSS pixels (WCAG 2.5.5; Apple's and Google's guides). */
export const MIN_TARGET_PX = 44;
/** A little more than the minimum, so rounding never leaves a target a pixel short. */
const HIT_MARGIN_PX = 4;

/**
 * How wide an invisible outline each small region needs so that it and its outline together are at
 * least MIN_TARGET_PX across in the view it belongs to (the zoomed view for the face, hands and feet),
 * measured as drawn (the figure scales with the screen, so this is
 * measured, not computed from the drawing): key → outline width in CSS pixels.
 */
export function hitOutlineWidths(
  sizes: ReadonlyArray<{ key: string; width: number; height: number }>,
): Map<string, number> {
  const widths = new Map<string, number>();
  for (const { key, width, height } of sizes) {
    const shorter = Math.min(width, height);
    if (shorter < MIN_TARGET_PX) widths.set(key, Math.ceil(MIN_TARGET_PX - shorter + HIT_MARGIN_PX));
  }
  return widths;
}

/**
 * Only for touch: a mouse points to the pixel, and on a laptop an outline would only take clicks
 * from the bigger region next door.
 */
function useHitOutlines(
  svg: RefObject<SVGSVGElement | null>,
  viewId: BodyMapView,
): ReadonlyMap<string, number> {
  const touch = useMediaQuery("(pointer: coarse)");
  const [widths, setWidths] = useState<ReadonlyMap<string, number>>(new Map());
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element || !touch) {
      setWidths((current) => (current.size === 0 ? current : new Map()));
      return;
    }
    const measure = () => {
      const paths = [...element.querySelectorAll<SVGPathElement>("path[data-region]")];
      const sizes = paths
        .filter((path) => isHomeView(path.dataset.region ?? "", viewId))
        .map((path) => {
          const box = path.getBoundingClientRect();
          return { key: path.dataset.key ?? "", width: box.width, height: box.height };
        });
      const next = hitOutlineWidths(sizes);
      setWidths((current) => (sameWidths(current, next) ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [svg, touch, viewId]);
  return widths;
}

function sameWidths(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([key, width]) => b.get(key) === width);
}

/** One drawing (the front, a left palm, …) as an SVG that scales with its container. */
export function BodyMapFigure({ figure, behaviour, points }: BodyMapFigureProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const hitWidths = useHitOutlines(svgRef, behaviour.viewId);
  const [x, y, width, height] = figure.viewBox;
  const stippleId = `${behaviour.idPrefix}-${figure.id}-stipple`;
  const sides = figure.sides;
  // The CSS sizes a figure from its aspect ratio (a tall body fits the screen's height).
  const style = { "--kw-figure-aspect": String(width / height) } as CSSProperties;
  return (
    <figure className={styles.bodymapFigure} style={style}>
      <figcaption className={styles.bodymapCaption}>
        {sides && (
          <span className={styles.bodymapSide} aria-hidden="true">
            {sides.viewerLeft}
          </span>
        )}
        <span className={styles.bodymapCaptionText}>{figure.caption}</span>
        {sides && (
          <span className={styles.bodymapSide} aria-hidden="true">
            {sides.viewerRight}
          </span>
        )}
      </figcaption>
      {/* biome-ignore lint/a11y/useSemanticElements: inside SVG there is no <fieldset>; the group names the drawing */}
      <svg
        ref={svgRef}
        className={styles.bodymapSvg}
        viewBox={`${x} ${y} ${width} ${height}`}
        role="group"
        aria-label={
          sides
            ? `${figure.caption}: the client's ${sides.viewerLeft.toLowerCase()} side is on the left`
            : figure.caption
        }
      >
        <defs>
          <StipplePattern id={stippleId} size={width / 55} />
        </defs>
        <path className={styles.bodymapSilhouette} d={figure.silhouette} />
        {figure.layers.map((layer, index) => (
          <FigureLayer
            // Layers never reorder: their index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: static drawing order
            key={index}
            layer={layer}
            behaviour={behaviour}
            stippleId={stippleId}
          />
        ))}
        {/* Small regions get a wider invisible outline on top, so a finger finds them; the outline
            carries the region's data-key, so a tap on it is a tap on the region (BodyMap). */}
        <g className={styles.bodymapHits}>
          {figure.layers.flatMap((layer) =>
            layer.regions
              .filter((region) => hitWidths.has(region.key))
              .map((region) => (
                <path
                  key={region.key}
                  d={region.d}
                  data-key={region.key}
                  data-hit-for={region.key}
                  vectorEffect="non-scaling-stroke"
                  style={{ strokeWidth: hitWidths.get(region.key) }}
                />
              )),
          )}
        </g>
        {points.map((point, index) => (
          <TriggerPointMark
            // biome-ignore lint/suspicious/noArrayIndexKey: points may share a label and a spot
            key={index}
            point={point}
            size={width * 0.022}
          />
        ))}
      </svg>
    </figure>
  );
}

function FigureLayer({
  layer,
  behaviour,
  stippleId,
}: {
  readonly layer: CompiledLayer;
  readonly behaviour: RegionBehaviour;
  readonly stippleId: string;
}) {
  const highlighted = layer.regions.filter(
    (r) =>
      r.key === behaviour.focusedKey ||
      (behaviour.selectedId !== null && r.regionId === behaviour.selectedId),
  );
  return (
    <g>
      {layer.fills.map((d) => (
        <path key={d} className={styles.bodymapPart} d={d} />
      ))}
      {layer.regions.map((region) => (
        <RegionShape key={region.key} region={region} behaviour={behaviour} stippleId={stippleId} />
      ))}
      {layer.landmarks.map((landmark) => (
        <path
          key={landmark.d}
          className={cx(styles.bodymapLandmark, landmark.style === "feature" && styles.isFeature)}
          d={landmark.d}
        />
      ))}
      {highlighted.map((region) => (
        <RegionRings key={region.key} region={region} behaviour={behaviour} />
      ))}
    </g>
  );
}

function regionFill(appearance: RegionAppearance, stippleId: string): string | undefined {
  switch (appearance.kind) {
    case "marked":
      return `var(--kw-pain-${appearance.intensity})`;
    case "essential":
      return "var(--kw-pattern-essential)";
    case "spillover":
      return `url(#${stippleId})`;
    case "plain":
      return undefined;
  }
}

const APPEARANCE_CLASS: Record<RegionAppearance["kind"], string | undefined> = {
  plain: styles.isPlain,
  marked: styles.isMarked,
  essential: styles.isEssential,
  spillover: styles.isSpillover,
};

function RegionShape({
  region,
  behaviour,
  stippleId,
}: {
  readonly region: CompiledRegion;
  readonly behaviour: RegionBehaviour;
  readonly stippleId: string;
}) {
  const appearance = behaviour.appearanceOf(region.regionId);
  const fill = regionFill(appearance, stippleId);
  const description = describeAppearance(appearance);
  // Events are handled once for the whole map (BodyMap), found by data-key.
  const common = {
    ref: (element: SVGPathElement | null) => behaviour.registerElement(region.key, element),
    d: region.d,
    className: cx(
      styles.bodymapRegion,
      APPEARANCE_CLASS[appearance.kind],
      behaviour.hoveredKey === region.key && styles.isHovered,
    ),
    style: fill ? { fill } : undefined,
    tabIndex: region.key === behaviour.tabStopKey ? 0 : -1,
    "data-key": region.key,
    "data-region": region.regionId,
    "data-appearance": appearance.kind,
  };
  const desc = description && <desc>{description}</desc>;
  if (behaviour.role === "button") {
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role button makes it one
      <path
        {...common}
        role="button"
        aria-label={region.label}
        aria-pressed={behaviour.togglesMarks ? appearance.kind === "marked" : undefined}
      >
        {desc}
      </path>
    );
  }
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a read-only region is a named picture
    <path {...common} role="img" aria-label={region.label}>
      {desc}
    </path>
  );
}

/**
 * Focus and selection outlines, drawn inside the region only (clipped to it, stroke doubled),
 * so a neighbour drawn later cannot hide them and they never spill onto the next region.
 */
function RegionRings({
  region,
  behaviour,
}: {
  readonly region: CompiledRegion;
  readonly behaviour: RegionBehaviour;
}) {
  const clipId = `${behaviour.idPrefix}-clip-${region.key.replace(/[^a-z0-9-]/gi, "-")}`;
  const focused = region.key === behaviour.focusedKey;
  const selected = behaviour.selectedId === region.regionId;
  return (
    <g className={styles.bodymapRings}>
      <clipPath id={clipId}>
        <path d={region.d} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        {focused && <path className={cx(styles.bodymapRing, styles.isFocused)} d={region.d} />}
        {selected && <path className={cx(styles.bodymapRing, styles.isSelected)} d={region.d} />}
      </g>
    </g>
  );
}

/** A trigger point: an × with a light halo so it shows on any fill. */
function TriggerPointMark({ point, size }: { readonly point: FigurePoint; readonly size: number }) {
  const d = `M${-size} ${-size}L${size} ${size}M${-size} ${size}L${size} ${-size}`;
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; role img names the ×
    <g
      className={styles.bodymapPoint}
      transform={`translate(${point.x} ${point.y})`}
      role="img"
      aria-label={`Trigger point: ${point.label}`}
      data-status={point.status}
    >
      {point.selected && <circle data-ring="" r={size * 2.2} />}
      <path className={styles.bodymapPointHalo} d={d} />
      <path className={styles.bodymapPointCross} d={d} />
    </g>
  );
}
