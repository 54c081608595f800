import type { CSSProperties } from "react";
import { cx } from "../ui/cx";
import styles from "./BodyMap.module.css";
import type { CompiledFigure, CompiledLayer, CompiledRegion } from "./geometry/figure";
import { describeAppearance, type RegionAppearance } from "./marking";
import { StipplePattern } from "./StipplePattern";

export interface FigurePoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
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
}

interface BodyMapFigureProps {
  readonly figure: CompiledFigure;
  readonly behaviour: RegionBehaviour;
  readonly points: readonly FigurePoint[];
}

/** One drawing (the front, a left palm, …) as an SVG that scales with its container. */
export function BodyMapFigure({ figure, behaviour, points }: BodyMapFigureProps) {
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
    >
      <path className={styles.bodymapPointHalo} d={d} />
      <path className={styles.bodymapPointCross} d={d} />
    </g>
  );
}
