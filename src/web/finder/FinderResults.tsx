import { useState } from "react";
import { Link } from "react-router";
import { muscleById } from "../../core/atlas/muscles";
import { regionById } from "../../core/body/regions";
import type { FinderResult } from "../../core/finder/rank";
import { shortRegionName } from "../atlas/labels";
import { cx } from "../ui/cx";
import styles from "./Finder.module.css";
import { bookingLinks, type Marks, musclePageHref, type Visitor } from "./marks-url";

interface FinderResultsProps {
  readonly results: readonly FinderResult[];
  readonly marks: Marks;
  readonly visitor: Visitor;
  readonly shortList: number;
}

const SIDE_LABEL = { left: "Left side", right: "Right side", either: "Either side" } as const;

/** "Top of shoulder (left)" rather than the vocabulary's full "Top of shoulder (trapezius ridge / acromion) (left)". */
export function shortRegionLabel(id: string): string {
  const region = regionById(id);
  if (!region) return id;
  const name = shortRegionName(region.type.id);
  return region.side ? `${name} (${region.side})` : name;
}

function regionNames(ids: readonly string[]): string {
  return ids.map(shortRegionLabel).join(", ");
}

/** The ranked list: each muscle with its side, a score bar, what it explains and what it does not. */
export function FinderResults({ results, marks, visitor, shortList }: FinderResultsProps) {
  const [expanded, setExpanded] = useState(false);
  if (Object.keys(marks).length === 0) {
    return (
      <p className={styles.finderEmpty}>
        Tap where it hurts on the map. Muscles that commonly send pain there will show up here, best match
        first.
      </p>
    );
  }
  if (results.length === 0) {
    return (
      <p className={styles.finderEmpty}>
        No muscle in the atlas commonly sends pain to the areas you marked. A therapist or doctor can look at
        it with you.
      </p>
    );
  }
  const shown = expanded ? results : results.slice(0, shortList);
  return (
    <>
      <p className={styles.finderNote}>
        Trigger points in these muscles often cause pain where you marked. This is not a diagnosis: a
        therapist checks them by touch.
      </p>
      <ol className={styles.results} aria-label="Likely muscles, best match first">
        {shown.map((result, index) => (
          <ResultItem
            key={`${result.muscle}-${result.side}`}
            result={result}
            rank={index + 1}
            marks={marks}
          />
        ))}
      </ol>
      {results.length > shortList ? (
        <button
          type="button"
          className="kw-button kw-button--secondary kw-button--block"
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? "Show fewer" : `Show ${results.length - shortList} more`}
        </button>
      ) : null}
      <p className={styles.finderScoreNote}>
        Match: how much of the pain you marked (weighted by how strong it is) the muscle's usual pattern
        covers; its main pain area counts fully, the area it sometimes reaches counts half.
      </p>
      {visitor === "staff" ? null : <BookingCard marks={marks} visitor={visitor} />}
    </>
  );
}

function ResultItem({ result, rank, marks }: { result: FinderResult; rank: number; marks: Marks }) {
  const muscle = muscleById(result.muscle);
  const name = muscle?.name ?? result.muscle;
  const percent = Math.round(result.score * 100);
  const side = result.side ?? "either";
  const href = musclePageHref(result.muscle, result.side, marks);
  return (
    <li className={styles.result}>
      <div className={styles.resultHead}>
        <span className={styles.resultRank} aria-hidden="true">
          {rank}
        </span>
        <h3 className={styles.resultName}>
          <Link to={href}>{name}</Link>
        </h3>
        <span className={styles.resultSide}>{SIDE_LABEL[side]}</span>
      </div>
      <div className={styles.resultScore}>
        <span className={styles.scorebar} aria-hidden="true">
          <span className={styles.scorebarFill} style={{ width: `${percent}%` }} />
        </span>
        <span className={styles.resultPercent}>Match {percent}%</span>
      </div>
      <dl className={styles.resultExplains}>
        {result.explains.essential.length > 0 ? (
          <div>
            <dt>
              <span className={cx(styles.zone, styles.isEssential)} aria-hidden="true" />
              Main pain area:
            </dt>
            <dd>{regionNames(result.explains.essential)}</dd>
          </div>
        ) : null}
        {result.explains.spillover.length > 0 ? (
          <div>
            <dt>
              <span className={cx(styles.zone, styles.isSpillover)} aria-hidden="true" />
              Sometimes reaches:
            </dt>
            <dd>{regionNames(result.explains.spillover)}</dd>
          </div>
        ) : null}
        {result.unexplained.length > 0 ? (
          <div className={styles.isUnexplained}>
            <dt>
              <span className={cx(styles.zone, styles.isNone)} aria-hidden="true" />
              Doesn't explain:
            </dt>
            <dd>{regionNames(result.unexplained)}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

function BookingCard({ marks, visitor }: { marks: Marks; visitor: Visitor }) {
  const links = bookingLinks(visitor, marks);
  return (
    <div className={styles.finderBook}>
      <h3>Want a therapist to look at it?</h3>
      <p className="kw-muted">Your marks go with you, so your therapist sees them before the first visit.</p>
      <Link className="kw-button kw-button--primary kw-button--block" to={links.book}>
        Book a session for these
      </Link>
      {links.signIn ? (
        <p className={styles.finderSignin}>
          Already have an account? <Link to={links.signIn}>Sign in</Link>
        </p>
      ) : null}
    </div>
  );
}
