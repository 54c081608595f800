import styles from "./BodyMap.module.css";
/**
 * The spillover fill: a lighter tint with dots, so the spillover zone reads differently from the
 * solid essential zone even without colour (printed in grey, or for colour-blind eyes).
 * Units are screen-ish pixels (userSpaceOnUse in a 0..~400 drawing), small enough to look even.
 */
export function StipplePattern({ id, size = 6 }: { readonly id: string; readonly size?: number }) {
  const r = size * 0.17;
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse">
      <rect width={size} height={size} className={styles.bodymapStippleGround} />
      <circle cx={size * 0.25} cy={size * 0.25} r={r} className={styles.bodymapStippleDot} />
      <circle cx={size * 0.75} cy={size * 0.75} r={r} className={styles.bodymapStippleDot} />
    </pattern>
  );
}
