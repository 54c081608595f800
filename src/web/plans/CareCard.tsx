/**
 * The portal home's way in to the client's care pages (CareNav.tsx): one card listing them, each
 * with a line on what it is for. Apart from CareNav so that the care pages do not carry the lines.
 */
import { NavLink } from "react-router";
import { prefetchOnIntent } from "../shell/prefetch";
import { Card } from "../ui/components";
import { CARE_PAGES } from "./CareNav";
import styles from "./CareNav.module.css";

const BLURBS: Record<(typeof CARE_PAGES)[number]["to"], string> = {
  "/app/care/plan": "Sessions planned and done, your goals, book the series.",
  "/app/care/aftercare": "After a session: what to expect, and how you feel the next day.",
  "/app/care/home-care": "Self-treatment with a hold timer, stretches, the handout.",
  "/app/care/diary": "Where it hurts today, in a few taps.",
  "/app/care/progress": "Your pain over time, session by session.",
};

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
            <span className={styles.careListBlurb}>{BLURBS[page.to]}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
