/**
 * The finder's safety gate (docs/product.md F3, F5): red-flag questions come before any result. The
 * questions asked are the general ones plus those that matter for the regions marked so far; a
 * "yes" to any of them stops the finder with the advice to seek care. Answers live for the
 * browser tab (sessionStorage), so a reload does not ask again and a "yes" keeps the finder stopped.
 *
 * Same outcome as core/screening's `screenRedFlags` (tested against it), computed here from the
 * questions alone so this page's first load does not carry the schema library.
 */
import {
  RED_FLAG_QUESTIONS,
  type RedFlagQuestion,
  redFlagQuestionsForRegions,
} from "../../core/screening/red-flag-questions";

/** Question id → the answer given; a missing id is not answered yet. */
export type RedFlagAnswers = Readonly<Record<string, boolean>>;

export type Gate =
  /** Stop: the answers include a "yes"; `stoppedBy` is the most urgent one (emergency first). */
  | { readonly kind: "stop"; readonly stoppedBy: RedFlagQuestion; readonly all: readonly RedFlagQuestion[] }
  /** Questions that matter for the marks are not all answered. */
  | {
      readonly kind: "ask";
      readonly pending: readonly RedFlagQuestion[];
      readonly asked: readonly RedFlagQuestion[];
    }
  | { readonly kind: "clear" };

/** Emergencies first, then rule order: whoever shows only the first shows the most urgent. */
const MOST_URGENT_FIRST: readonly RedFlagQuestion[] = [...RED_FLAG_QUESTIONS].sort(
  (a, b) => Number(a.urgency !== "emergency") - Number(b.urgency !== "emergency"),
);

export function saidYes(answers: RedFlagAnswers): RedFlagQuestion[] {
  return MOST_URGENT_FIRST.filter((q) => Object.hasOwn(answers, q.id) && answers[q.id] === true);
}

/** The questions the finder asks for these marked regions (the general ones when nothing is marked). */
export function questionsFor(regionIds: readonly string[]): RedFlagQuestion[] {
  return redFlagQuestionsForRegions(regionIds);
}

export function gateFor(regionIds: readonly string[], answers: RedFlagAnswers): Gate {
  const yes = saidYes(answers);
  const first = yes[0];
  if (first) return { kind: "stop", stoppedBy: first, all: yes };
  const asked = questionsFor(regionIds);
  const pending = asked.filter((q) => !Object.hasOwn(answers, q.id));
  return pending.length > 0 ? { kind: "ask", pending, asked } : { kind: "clear" };
}

const STORAGE_KEY = "knotwork.finder.red-flags";
const KNOWN_IDS: ReadonlySet<string> = new Set(RED_FLAG_QUESTIONS.map((q) => q.id));

export function loadAnswers(
  storage: Pick<Storage, "getItem"> | undefined = safeSessionStorage(),
): RedFlagAnswers {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const answers: Record<string, boolean> = {};
    for (const [id, value] of Object.entries(parsed)) {
      if (KNOWN_IDS.has(id) && typeof value === "boolean") answers[id] = value;
    }
    return answers;
  } catch {
    return {};
  }
}

export function saveAnswers(
  answers: RedFlagAnswers,
  storage: Pick<Storage, "setItem"> | undefined = safeSessionStorage(),
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch {
    // Private mode or storage full: the answers just last until the page is closed.
  }
}

function safeSessionStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
