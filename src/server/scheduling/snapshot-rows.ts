/**
 * Typed decoding of the snapshot statement's one row (see `loadSnapshot` in ./schedule.ts). The
 * statement returns JSON built by hand in SQL, which no schema types for us; each shape has a
 * decoder here that checks what it reads, so a change to the SQL that breaks a shape fails loudly
 * at the first read instead of flowing on as a wrong type. Hand-written rather than zod: this is
 * the availability and booking hot path, and these checks cost next to nothing.
 */
import { BOOKING_MODES, SERVICE_KINDS } from "../../core/api/clinic";
import type { LocalInterval } from "../../core/scheduling";
import type { ClinicPolicies } from "../db/schema";

export class SnapshotShapeError extends Error {
  override name = "SnapshotShapeError";
}

type Decoder<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new SnapshotShapeError(`snapshot ${path}: expected ${expected}`);
}

export const text: Decoder<string> = (value, path) =>
  typeof value === "string" ? value : fail(path, "text");
export const integer: Decoder<number> = (value, path) =>
  Number.isInteger(value) ? (value as number) : fail(path, "an integer");
export const flag: Decoder<boolean> = (value, path) =>
  typeof value === "boolean" ? value : fail(path, "a boolean");

export function nullable<T>(decode: Decoder<T>): Decoder<T | null> {
  return (value, path) => (value === null || value === undefined ? null : decode(value, path));
}

function oneOf<T extends string>(values: readonly T[]): Decoder<T> {
  return (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(", ")}`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(path, "an object");
}

/** A JSON array, each element decoded; SQL's `COALESCE(json_agg(…), '[]')` never gives null. */
export function listOf<T>(decode: Decoder<T>): Decoder<T[]> {
  return (value, path) =>
    Array.isArray(value) ? value.map((item, i) => decode(item, `${path}[${i}]`)) : fail(path, "an array");
}

/** A fixed-length JSON array (`json_build_array(…)`), one decoder per position. */
export function tuple<T extends unknown[]>(...decoders: { [K in keyof T]: Decoder<T[K]> }): Decoder<T> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length !== decoders.length) fail(path, `${decoders.length} values`);
    return decoders.map((decode, i) => decode(value[i], `${path}[${i}]`)) as T;
  };
}

export const localInterval: Decoder<LocalInterval> = (value, path) => {
  const o = record(value, path);
  return { start: text(o.start, `${path}.start`), end: text(o.end, `${path}.end`) };
};

/** Only the policies the row holds with the right type; the caller fills in defaults for the rest. */
function policies(value: unknown, path: string): Partial<ClinicPolicies> {
  const o = record(value, path);
  const out: Partial<Record<keyof ClinicPolicies, unknown>> = {};
  for (const [key, v] of Object.entries(o)) {
    if (typeof v === "number" || typeof v === "boolean") out[key as keyof ClinicPolicies] = v;
  }
  // The notification block (written through the API's schema) is the one nested policy: without it a
  // booking would schedule its reminders with the defaults, not the clinic's lead times.
  if (typeof o.notifications === "object" && o.notifications !== null && !Array.isArray(o.notifications)) {
    out.notifications = o.notifications;
  }
  return out as Partial<ClinicPolicies>;
}

export interface ClinicRow {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  policies: Partial<ClinicPolicies>;
}

export const clinicRow: Decoder<ClinicRow> = (value, path) => {
  const o = record(value, path);
  return {
    id: text(o.id, `${path}.id`),
    slug: text(o.slug, `${path}.slug`),
    name: text(o.name, `${path}.name`),
    timeZone: text(o.timeZone, `${path}.timeZone`),
    address: nullable(text)(o.address, `${path}.address`),
    email: nullable(text)(o.email, `${path}.email`),
    phone: nullable(text)(o.phone, `${path}.phone`),
    policies: policies(o.policies, `${path}.policies`),
  };
};

export interface ServiceRow {
  id: string;
  name: string;
  kind: (typeof SERVICE_KINDS)[number];
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  needsRoom: boolean;
  bookableOnline: boolean;
  bookingMode: (typeof BOOKING_MODES)[number];
  active: boolean;
}

export const serviceRow: Decoder<ServiceRow> = (value, path) => {
  const o = record(value, path);
  return {
    id: text(o.id, `${path}.id`),
    name: text(o.name, `${path}.name`),
    kind: oneOf(SERVICE_KINDS)(o.kind, `${path}.kind`),
    durationMin: integer(o.durationMin, `${path}.durationMin`),
    bufferBeforeMin: integer(o.bufferBeforeMin, `${path}.bufferBeforeMin`),
    bufferAfterMin: integer(o.bufferAfterMin, `${path}.bufferAfterMin`),
    needsRoom: flag(o.needsRoom, `${path}.needsRoom`),
    bookableOnline: flag(o.bookableOnline, `${path}.bookableOnline`),
    bookingMode: oneOf(BOOKING_MODES)(o.bookingMode, `${path}.bookingMode`),
    active: flag(o.active, `${path}.active`),
  };
};

export interface ClientRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  returning: boolean;
}

export const clientRow: Decoder<ClientRow> = (value, path) => {
  const o = record(value, path);
  return {
    id: text(o.id, `${path}.id`),
    firstName: text(o.firstName, `${path}.firstName`),
    lastName: text(o.lastName, `${path}.lastName`),
    email: nullable(text)(o.email, `${path}.email`),
    returning: flag(o.returning, `${path}.returning`),
  };
};

export const weekday: Decoder<number> = (value, path) => {
  const day = integer(value, path);
  return day >= 0 && day <= 6 ? day : fail(path, "a weekday 0-6");
};

/** A clinic's schedule version (a bigint: JSON number or driver text), kept as text. */
export const version: Decoder<string> = (value, path) =>
  typeof value === "string" && /^\d+$/.test(value)
    ? value
    : Number.isSafeInteger(value)
      ? String(value)
      : fail(path, "a version number");

/**
 * `[[from, until], …]` in epoch milliseconds. Checked without building a path per element (a week of
 * a large clinic has thousands); the path is worked out only for the error.
 */
const instantPairs: Decoder<[number, number][]> = (value, path) => {
  if (!Array.isArray(value)) fail(path, "an array");
  for (let i = 0; i < value.length; i++) {
    const pair = value[i];
    if (!Array.isArray(pair) || pair.length !== 2 || !Number.isInteger(pair[0]) || !Number.isInteger(pair[1]))
      fail(`${path}[${i}]`, "[from, until] in epoch milliseconds");
  }
  return value as [number, number][];
};

/** Busy time per therapist and room: [therapist id, room id, [[from, until], …]]. */
export const busyRows = listOf(
  tuple<[string, string | null, [number, number][]]>(text, nullable(text), instantPairs),
);

export interface SnapshotRow {
  clinic: ClinicRow | null;
  /** The clinic's schedule version in the same read (null when there is no clinic). */
  scheduleVersion: string | null;
  service: ServiceRow | null;
  client: ClientRow | null;
  /** [id, display name, user id] */
  therapists: [string, string, string | null][];
  /** [therapist id, weekday, "HH:MM:SS" start, end, is a break] */
  hours: [string, number, string, string, boolean][];
  /** [therapist id, "YYYY-MM-DD", intervals] */
  overrides: [string, string, LocalInterval[]][];
  /** [therapist id, starts at (ISO), ends at (ISO)] */
  timeOff: [string, string, string][];
  /** [id, name] */
  rooms: [string, string][];
  /** [therapist id, room id, [[blocks from, blocks until] in epoch milliseconds, …]] */
  busy: [string, string | null, [number, number][]][];
}

/** Decodes the snapshot statement's row; no row at all (cannot happen for a SELECT of scalars) reads as empty. */
export function decodeSnapshotRow(value: unknown): SnapshotRow {
  const o = value === undefined ? {} : record(value, "row");
  return {
    clinic: nullable(clinicRow)(o.clinic, "clinic"),
    scheduleVersion: nullable(version)(
      o.clinic === null || o.clinic === undefined ? null : record(o.clinic, "clinic").scheduleVersion,
      "clinic.scheduleVersion",
    ),
    service: nullable(serviceRow)(o.service, "service"),
    client: nullable(clientRow)(o.client, "client"),
    therapists: listOf(tuple<[string, string, string | null]>(text, text, nullable(text)))(
      o.therapists ?? [],
      "therapists",
    ),
    hours: listOf(tuple<[string, number, string, string, boolean]>(text, weekday, text, text, flag))(
      o.hours ?? [],
      "hours",
    ),
    overrides: listOf(tuple<[string, string, LocalInterval[]]>(text, text, listOf(localInterval)))(
      o.overrides ?? [],
      "overrides",
    ),
    timeOff: listOf(tuple<[string, string, string]>(text, text, text))(o.timeOff ?? [], "timeOff"),
    rooms: listOf(tuple<[string, string]>(text, text))(o.rooms ?? [], "rooms"),
    busy: busyRows(o.busy ?? [], "busy"),
  };
}
