/**
 * The muscle atlas (docs/product.md F2): every muscle grouped by body area, and a search by name or by
 * where it hurts (core searchMuscles, answered by the API). The search text lives in the URL.
 */
import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import type { RegionGroup } from "../../core/body/regions";
import { Alert, Loading, PageHeader } from "../ui/components";
import styles from "./Atlas.module.css";
import { loadMuscleList, type MuscleSummary, searchAtlas } from "./atlas-api";
import { GROUP_LABELS, GROUP_ORDER, lowerFirst, shortRegionName } from "./labels";

const SEARCH_DELAY_MS = 150;

type Result<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; value: T };

function useAsync<T>(key: string, load: () => Promise<T>, delay = 0): Result<T> {
  const [state, setState] = useState<{ key: string; result: Result<T> }>({
    key,
    result: { status: "loading" },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies what `load` fetches
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      load().then(
        (value) => live && setState({ key, result: { status: "ok", value } }),
        (error: unknown) =>
          live &&
          setState({
            key,
            result: {
              status: "error",
              message: error instanceof Error ? error.message : "Something went wrong.",
            },
          }),
      );
    }, delay);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);
  return state.key === key ? state.result : { status: "loading" };
}

export default function AtlasIndexPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const urlQuery = new URLSearchParams(location.search).get("q") ?? "";
  const [query, setQuery] = useState(urlQuery);
  const trimmed = query.trim();
  const all = useAsync("all", loadMuscleList);
  const found = useAsync(
    `q:${trimmed}`,
    () => (trimmed === "" ? loadMuscleList() : searchAtlas(trimmed)),
    trimmed === "" ? 0 : SEARCH_DELAY_MS,
  );

  const onQueryChange = (value: string) => {
    setQuery(value);
    navigate({ search: value.trim() === "" ? "" : `?q=${encodeURIComponent(value)}` }, { replace: true });
  };

  return (
    <div>
      <PageHeader
        eyebrow="Muscle atlas"
        title="Muscles that cause referred pain"
        description="A knot in one muscle often hurts somewhere else. Look up a muscle, or search for where it hurts, to see where its pain spreads and how to treat it yourself."
      />
      <div className={styles.atlasSearch}>
        <label htmlFor="kw-atlas-q">Search by muscle or where it hurts</label>
        <input
          id="kw-atlas-q"
          className="kw-input"
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          placeholder="e.g. temple, heel, SCM"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
        />
      </div>
      <p className={styles.atlasFinderHint}>
        Pain in more than one place? The <Link to="/finder">pain finder</Link> ranks muscles by everything you
        mark.
      </p>
      {trimmed === "" ? <Catalogue result={all} /> : <SearchResults query={trimmed} result={found} />}
    </div>
  );
}

function Catalogue({ result }: { result: Result<MuscleSummary[]> }) {
  const groups = useMemo(() => {
    if (result.status !== "ok") return [];
    const byGroup = new Map<RegionGroup, MuscleSummary[]>();
    for (const muscle of result.value)
      byGroup.set(muscle.group, [...(byGroup.get(muscle.group) ?? []), muscle]);
    return GROUP_ORDER.filter((g) => byGroup.has(g)).map((group) => ({
      group,
      muscles: byGroup.get(group) ?? [],
    }));
  }, [result]);
  if (result.status === "loading") return <Loading label="Loading the atlas…" />;
  if (result.status === "error") return <Alert tone="danger">{result.message}</Alert>;
  return (
    <>
      <nav className={styles.atlasJump} aria-label="Body areas">
        <ul>
          {groups.map(({ group }) => (
            <li key={group}>
              <a href={`#area-${group}`}>{GROUP_LABELS[group]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(({ group, muscles }) => (
        <section key={group} className={styles.atlasGroup} aria-labelledby={`area-${group}`}>
          <h2 id={`area-${group}`} tabIndex={-1}>
            {GROUP_LABELS[group]} <span className={styles.atlasCount}>{muscles.length}</span>
          </h2>
          <MuscleCards muscles={muscles} />
        </section>
      ))}
    </>
  );
}

function SearchResults({ query, result }: { query: string; result: Result<MuscleSummary[]> }) {
  return (
    <section aria-labelledby="kw-atlas-results">
      <h2 id="kw-atlas-results" className="kw-visually-hidden">
        Search results
      </h2>
      <p className={styles.atlasStatus} role="status">
        {result.status === "loading"
          ? "Searching…"
          : result.status === "error"
            ? result.message
            : result.value.length === 0
              ? `No muscle matches “${query}”. Try a body part, such as “neck” or “knee”.`
              : `${result.value.length === 1 ? "1 muscle matches" : `${result.value.length} muscles match`} “${query}”, best match first.`}
      </p>
      {result.status === "ok" ? <MuscleCards muscles={result.value} /> : null}
    </section>
  );
}

function MuscleCards({ muscles }: { muscles: readonly MuscleSummary[] }) {
  return (
    <ul className={styles.atlasCards}>
      {muscles.map((muscle) => (
        <li key={muscle.id} className={styles.atlasCard} data-testid="muscle-card">
          <h3>
            <Link to={`/atlas/${muscle.id}`}>{muscle.name}</Link>
          </h3>
          <p>
            <span className={styles.atlasFelt}>Pain felt: </span>
            {muscle.essential
              .map((t, i) => (i === 0 ? shortRegionName(t) : lowerFirst(shortRegionName(t))))
              .join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
