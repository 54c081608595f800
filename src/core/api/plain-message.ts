/**
 * Validation messages in plain words. zod's defaults are written for developers ("Too big: expected
 * string to have <=100 characters"); a person filling in a form needs to be told what to do
 * ("Keep this under 100 characters."). Messages a schema sets itself ("Enter a name.") are already
 * written for people and are kept.
 *
 * Works on both shapes of a zod issue: the raw issue an error map receives (it still has `input`)
 * and the finished issue in `error.issues` (it has `message`), so the browser and the server word
 * the same problem the same way.
 */

/** The parts of a zod issue the wording depends on (structural, so callers need no zod import). */
export interface IssueLike {
  code: string;
  message?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  divisor?: number | bigint;
  input?: unknown;
}

/** zod's English defaults all start like this; a schema's own message never should. */
const DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required$)/;

export function isDefaultMessage(message: string | undefined): boolean {
  return message === undefined || message === "" || DEFAULT_MESSAGE.test(message);
}

function plural(count: number | bigint, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 || count === 1n ? one : many}`;
}

/** The form of a number a person reads ("100", not "100n"). */
const n = (value: number | bigint | undefined): number => Number(value ?? 0);

function tooBig(issue: IssueLike): string {
  const max = n(issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      return `Keep this under ${plural(inclusive ? max : max - 1, "character")}.`;
    case "array":
    case "set":
      return `Choose at most ${inclusive ? max : max - 1}.`;
    case "number":
    case "int":
    case "bigint":
      return inclusive ? `Enter ${max} or less.` : `Enter less than ${max}.`;
    case "date":
      return "Choose an earlier date.";
    default:
      return "This is too long.";
  }
}

function tooSmall(issue: IssueLike): string {
  const min = n(issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (min <= 1 && inclusive) return "Fill this in.";
      return `Use at least ${plural(inclusive ? min : min + 1, "character")}.`;
    case "array":
    case "set":
      if (min <= 1 && inclusive) return "Choose at least one.";
      return `Choose at least ${inclusive ? min : min + 1}.`;
    case "number":
    case "int":
    case "bigint":
      return inclusive ? `Enter ${min} or more.` : `Enter more than ${min}.`;
    case "date":
      return "Choose a later date.";
    default:
      return "This is too short.";
  }
}

const FORMATS: Record<string, string> = {
  email: "Enter an e-mail address, like name@example.com.",
  url: "Enter a web address, like https://example.com.",
  datetime: "Enter a date and time.",
  date: "Enter a date.",
  time: "Enter a time.",
  uuid: "Choose one of the options.",
};

/** True when an `invalid_type` issue means nothing was given (the usual case in a form). */
function isMissing(issue: IssueLike): boolean {
  if ("input" in issue) return issue.input === undefined || issue.input === null || issue.input === "";
  return /received (undefined|null)/.test(issue.message ?? "");
}

function invalidType(issue: IssueLike): string {
  if (isMissing(issue)) return "Fill this in.";
  switch (issue.expected) {
    case "number":
    case "int":
    case "bigint":
      return "Enter a number.";
    case "boolean":
      return "Choose yes or no.";
    case "date":
      return "Enter a date.";
    default:
      return "Check this value.";
  }
}

/** Plain words for what a person should do about one validation issue. */
export function plainMessage(issue: IssueLike): string {
  if (!isDefaultMessage(issue.message)) return issue.message as string;
  switch (issue.code) {
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_type":
      return invalidType(issue);
    case "invalid_format":
      return FORMATS[issue.format ?? ""] ?? "Check the format of this.";
    case "invalid_value":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "Choose one of the options.";
    case "not_multiple_of":
      return `Enter a multiple of ${n(issue.divisor)}.`;
    case "unrecognized_keys":
      return "This form sent something it should not; reload the page and try again.";
    default:
      return "Check this value.";
  }
}
