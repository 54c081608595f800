/**
 * Who the intake's words speak to. A client filling in their own intake reads the questions as
 * written ("Where do you feel it?"); staff filling it in for a client on the phone read them about
 * that client ("Where does Anna feel it?", "their"). One list of questions serves both: the staff
 * wording is derived from the client's, so the two cannot drift apart, and a test checks that no
 * "you" is left in any staff text.
 */
import type { IntakeQuestion } from "./questions";

/** The client's own words, or staff's about the client named. */
export type IntakeWording = { readonly to: "client" } | { readonly to: "staff"; readonly clientName: string };

export const CLIENT_WORDING: IntakeWording = { to: "client" };

/** "Do you" → "Does Anna": the auxiliary that goes with a name instead of "you". */
const AUXILIARY_FOR_NAME: Readonly<Record<string, string>> = {
  do: "does",
  have: "has",
  are: "is",
  were: "was",
  can: "can",
  did: "did",
  would: "would",
  will: "will",
  could: "could",
};

/** Words after which "you" is the object ("told you", "keep you safe"), so it becomes "them". */
const TAKES_OBJECT = new Set([
  "told",
  "tell",
  "waking",
  "wake",
  "keep",
  "keeps",
  "position",
  "brings",
  "bring",
  "help",
  "helps",
  "for",
  "to",
  "with",
  "from",
  "give",
  "gives",
  "ask",
  "asks",
]);

/** Contractions and first-person words (in answer options such as "I'm not sure"). */
const PRONOUNS: Readonly<Record<string, string>> = {
  "you'd": "they'd",
  "you've": "they've",
  "you're": "they're",
  "you'll": "they'll",
  yourself: "themselves",
  "i'm": "they're",
  "i've": "they've",
  i: "they",
  me: "them",
  my: "their",
  myself: "themselves",
};

/**
 * Client phrases the word-by-word rewrite would get wrong, with their staff form (`{name}` is the
 * client's name). Kept short: the rules handle the rest, and the tests list every staff text.
 */
const PHRASES: readonly (readonly [string, string])[] = [
  // "Is Anna over 50 and have …" would not agree.
  ["Are you over 50 and have ", "Is {name} over 50, with "],
];

/** Whether `at` begins a sentence of `text` (its start, or after . ? !). */
function startsSentence(text: string, at: number): boolean {
  return /(^|[.?!]\s+)$/.test(text.slice(0, at));
}

function sameCase(word: string, like: string): string {
  return like[0] && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

const WORD = /[A-Za-z]+(?:'[a-z]+)?/g;

/**
 * `text`, written to the client, rewritten about `name` for staff. The first mention of the client
 * in the text becomes the name ("Do you" → "Does Anna", "your" → "Anna's", "told you" → "told
 * Anna"); later ones become "they", "their", "them", which take the same verb forms as "you". A
 * subject "you" before its verb ("if you have") becomes "they" even first, so no verb needs changing.
 */
export function aboutClient(client: string, name: string): string {
  let text = client;
  for (const [phrase, staff] of PHRASES) text = text.replace(phrase, staff.replace("{name}", name));
  const words = [...text.matchAll(WORD)];
  let named = text !== client && text.includes(name);
  let out = "";
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const match = words[i] as RegExpMatchArray;
    const word = match[0];
    const at = match.index ?? 0;
    const lower = word.toLowerCase();
    const previous = words[i - 1]?.[0].toLowerCase();
    const next = words[i + 1]?.[0].toLowerCase();
    let replacement: string | null = null;
    let end = at + word.length;
    const auxiliary = AUXILIARY_FOR_NAME[lower];
    if (auxiliary && next === "you" && !named) {
      // "Have you had" → "Has Anna had"; the "you" is consumed with it.
      const you = words[i + 1] as RegExpMatchArray;
      replacement = `${sameCase(auxiliary, word)} ${name}`;
      end = (you.index ?? 0) + 3;
      i++;
      named = true;
    } else if (lower === "your") {
      replacement = named ? sameCase("their", word) : `${name}'s`;
      named = true;
    } else if (lower === "you") {
      const isObject = previous !== undefined && (TAKES_OBJECT.has(previous) || AUXILIARY_FOR_NAME[previous]);
      if (isObject && AUXILIARY_FOR_NAME[previous ?? ""]) replacement = sameCase("they", word);
      else if (isObject && !named) {
        replacement = name;
        named = true;
      } else replacement = sameCase(isObject ? "them" : "they", word);
    } else if (PRONOUNS[lower] && (lower !== "i" || word === "I")) {
      // "I" is always a capital: "how I sit" → "how they sit", but "I'm not sure" → "They're not sure".
      const pronoun = PRONOUNS[lower] as string;
      replacement = startsSentence(text, at)
        ? sameCase(pronoun, word)
        : lower.startsWith("i")
          ? pronoun
          : sameCase(pronoun, word);
    }
    if (replacement !== null) {
      out += text.slice(last, at) + replacement;
      last = end;
    }
  }
  return out + text.slice(last);
}

/** `text` in `wording`: as written for the client, or about the client for staff. */
export function worded(text: string, wording: IntakeWording): string {
  return wording.to === "client" ? text : aboutClient(text, wording.clientName);
}

/** A section's title and intro in `wording`. */
export function wordSection<S extends { title: string; intro: string }>(
  section: S,
  wording: IntakeWording,
): S {
  if (wording.to === "client") return section;
  return { ...section, title: worded(section.title, wording), intro: worded(section.intro, wording) };
}

/** A question's texts (question, help, detail prompt, choices) in `wording`; ids and rules unchanged. */
export function wordQuestion(question: IntakeQuestion, wording: IntakeWording): IntakeQuestion {
  if (wording.to === "client") return question;
  const w = (text: string) => worded(text, wording);
  const base = {
    ...question,
    question: w(question.question),
    ...(question.help === undefined ? {} : { help: w(question.help) }),
  };
  switch (base.kind) {
    case "yes-no-detail":
      return { ...base, detailPrompt: w(base.detailPrompt) };
    case "single-choice":
    case "multi-choice":
      return { ...base, options: base.options.map((o) => ({ ...o, label: w(o.label) })) };
    default:
      return base;
  }
}
