/**
 * Calendar arithmetic on plain integers: local dates as day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar) and local times as minutes since midnight. No Date objects, no
 * time zones: zone.ts maps these wall-clock values to instants.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay` numbers them. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 for a Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The Gregorian date of a day number (inverse of `daysFromCivil`). */
export function civilFromDays(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** 1970-01-01 (day 0) was a Thursday. */
export function weekdayOfDay(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `"YYYY-MM-DD"` → day number, or `null` when malformed or not a real calendar date. */
export function parseLocalDate(text: string): number | null {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

export function parseLocalDateOrThrow(text: string): number {
  const dayNumber = parseLocalDate(text);
  if (dayNumber === null)
    throw new RangeError(`Invalid local date "${text}": expected a real YYYY-MM-DD date`);
  return dayNumber;
}

/**
 * `"HH:MM"` → minutes since midnight (0…1439), or `null` when malformed. `"24:00"` (1440) is accepted
 * only with `allowEndOfDay`, so a working interval can run up to midnight without wrapping.
 */
export function parseLocalTime(text: string, allowEndOfDay = false): number | null {
  // Hand-rolled rather than a regex: the engine parses every schedule interval on every query.
  if (text.length !== 5 || text.charCodeAt(2) !== COLON) return null;
  const hours = twoDigits(text, 0);
  const minutes = twoDigits(text, 3);
  if (hours < 0 || minutes < 0) return null;
  if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

const COLON = 58;
const DIGIT_ZERO = 48;

/** The two-digit number at `index`, or −1 when either character is not a digit. */
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index) - DIGIT_ZERO;
  const ones = text.charCodeAt(index + 1) - DIGIT_ZERO;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return tens * 10 + ones;
}

export function parseLocalTimeOrThrow(text: string, allowEndOfDay = false): number {
  const minutes = parseLocalTime(text, allowEndOfDay);
  if (minutes === null) {
    const accepted = allowEndOfDay ? "HH:MM between 00:00 and 24:00" : "HH:MM between 00:00 and 23:59";
    throw new RangeError(`Invalid local time "${text}": expected ${accepted}`);
  }
  return minutes;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatLocalTime(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}`;
}
