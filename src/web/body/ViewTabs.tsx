import type { KeyboardEvent } from "react";
import styles from "./BodyMap.module.css";
import { BODY_MAP_VIEWS, type BodyMapView } from "./geometry/views";

interface ViewTabsProps {
  readonly view: BodyMapView;
  readonly onViewChange: (view: BodyMapView) => void;
  readonly tabId: (view: BodyMapView) => string;
  readonly panelId: string;
}

/** Arrow keys, Home and End move along the tabs and show that view (automatic activation). */
function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** The view switcher: a tab list (front, back, head, hands, feet) controlling one panel. */
export function ViewTabs({ view, onViewChange, tabId, panelId }: ViewTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const current = BODY_MAP_VIEWS.findIndex((v) => v.id === view);
    const next = tabIndexAfterKey(event.key, current, BODY_MAP_VIEWS.length);
    if (next === null) return;
    event.preventDefault();
    const target = BODY_MAP_VIEWS[next];
    if (!target) return;
    onViewChange(target.id);
    document.getElementById(tabId(target.id))?.focus();
  };
  return (
    <div role="tablist" aria-label="Body views" className={styles.bodymapTabs}>
      {BODY_MAP_VIEWS.map((v) => {
        const selected = v.id === view;
        return (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={tabId(v.id)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={styles.bodymapTab}
            onClick={() => onViewChange(v.id)}
            onKeyDown={onKeyDown}
          >
            {v.label}
          </button>
        );
      })}
    </div>
  );
}
