/**
 * The client's care pages (F7, F9) side by side: plan, aftercare, home care, diary, progress.
 * A row of links under each page's heading, and a card on the portal home (CareCard.tsx), so a
 * client walks from one to the next the way they think of them.
 */
import { useLayoutEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { prefetchOnIntent } from "../shell/prefetch";
import { Loading } from "../ui/components";
import styles from "./CareNav.module.css";

export const CARE_PAGES = [
  {
    to: "/app/care/plan",
    label: "Treatment plan",
  },
  {
    to: "/app/care/aftercare",
    label: "Aftercare",
  },
  {
    to: "/app/care/home-care",
    label: "Home care",
  },
  { to: "/app/care/diary", label: "Pain diary" },
  { to: "/app/care/progress", label: "Progress" },
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

/** A care page's content loading, where the content starts (no shift when it arrives). */
export function CareLoading() {
  return (
    <div className={styles.careContent}>
      <Loading />
    </div>
  );
}
