/**
 * The client's care pages (F7, F9) side by side: plan, aftercare, home care, diary, progress.
 * A row of links under each page's heading, and a card on the portal home, so a client walks
 * from one to the next the way they think of them.
 */
import { useLayoutEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { prefetchOnIntent } from "../shell/prefetch";
import { Card } from "../ui/components";
import styles from "./Plans.module.css";

export const CARE_PAGES = [
  {
    to: "/app/care/plan",
    label: "Treatment plan",
    blurb: "Sessions planned and done, your goals, book the series.",
  },
  {
    to: "/app/care/aftercare",
    label: "Aftercare",
    blurb: "After a session: what to expect, and how you feel the next day.",
  },
  {
    to: "/app/care/home-care",
    label: "Home care",
    blurb: "Self-treatment with a hold timer, stretches, the handout.",
  },
  { to: "/app/care/diary", label: "Pain diary", blurb: "Where it hurts today, in a few taps." },
  { to: "/app/care/progress", label: "Progress", blurb: "Your pain over time, session by session." },
] as const;

export function CareNav() {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the row scrolls sideways: bring the current page's pill into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the page changes
  useLayoutEffect(() => {
    const nav = ref.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && current) nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav ref={ref} className={styles.careNav} aria-label="Your care">
      <NavLink to="/app" end className={styles.careNavLink} {...prefetchOnIntent("/app")}>
        Portal home
      </NavLink>
      {CARE_PAGES.map((page) => (
        <NavLink key={page.to} to={page.to} className={styles.careNavLink} {...prefetchOnIntent(page.to)}>
          {page.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The portal home's way in: one card listing the care pages. */
export function CareCard() {
  return (
    <Card title="Your care">
      <ul className={styles.careList}>
        {CARE_PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} className={styles.careListLink} {...prefetchOnIntent(page.to)}>
              {page.label}
            </NavLink>
            <span className={styles.careListBlurb}>{page.blurb}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
