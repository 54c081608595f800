/**
 * The front desk's calendar, a laptop page (docs/design-system.md): a day with a column per therapist
 * (or per room), or a week with a column per day; appointments are blocks placed by the clinic's wall
 * clock and coloured by status. A block opens the appointment dialog; "New booking" (or N, or a click
 * on an empty spot of a column) opens phone booking. Keys: T today, D day, W week, ←/→ move. On a
 * phone the grid would not fit, so it becomes one day's agenda for one therapist (or room) at a time.
 */
import { useQuery } from "@tanstack/react-query";
import { type MouseEvent, useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { AuthContext } from "../../core/api/auth";
import type { Appointment } from "../../core/api/clinic";
import { get } from "../api/client";
import { AppointmentDialog } from "../appointments/AppointmentDialog";
import { useAppointments } from "../appointments/queries";
import {
  addDays,
  formatClock,
  formatHour,
  formatLocalDay,
  isValidLocalDate,
  localDateOf,
  localDaysRange,
  minuteOfDay,
  startOfWeek,
  zoneDisplayName,
} from "../appointments/time";
import { useSession } from "../auth/session";
import { type BookingPrefill, PhoneBookingDialog } from "../booking/PhoneBooking";
import { Alert, Button, Loading, PageHeader } from "../ui/components";
import { cx } from "../ui/cx";
import { PHONE_QUERY, useMediaQuery } from "../ui/useMediaQuery";
import styles from "./Calendar.module.css";
import { type Block, type Column, initials, layoutBlocks, VISIBLE_BY_DEFAULT, visibleHours } from "./layout";
import { PhoneAgenda } from "./PhoneAgenda";

const PX_PER_MIN = 1.1;
const STATUS_WORDS: Record<string, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

/** Each status's colour in the calendar (the block and its legend swatch). */
const STATUS_CLASS: Record<string, string | undefined> = {
  requested: styles.calBlockRequested,
  confirmed: styles.calBlockConfirmed,
  declined: styles.calBlockDeclined,
  cancelled: styles.calBlockCancelled,
  completed: styles.calBlockCompleted,
  no_show: styles.calBlockNoShow,
};

type View = "day" | "week";
type By = "therapist" | "room";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export default function CalendarPage() {
  const { context } = useSession();
  if (!context) return <Loading />;
  return <Calendar context={context} />;
}

function Calendar({ context }: { context: AuthContext }) {
  const zone = context.timeZone;
  const [params, setParams] = useSearchParams();
  const today = localDateOf(Date.now(), zone);
  const phone = useMediaQuery(PHONE_QUERY);
  // A phone shows one day whatever the link says; the week comes back on a wider screen.
  const view: View = params.get("view") === "week" && !phone ? "week" : "day";
  const by: By = params.get("by") === "room" ? "room" : "therapist";
  const date = isValidLocalDate(params.get("date")) ? (params.get("date") as string) : today;
  const showAll = params.get("all") === "1";
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingPrefill | null>(null);

  const set = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const dates = useMemo(
    () => (view === "day" ? [date] : Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(date), i))),
    [view, date],
  );
  const range = useMemo(() => localDaysRange(dates[0] ?? date, dates.length, zone), [dates, date, zone]);
  const appointments = useAppointments(range);
  const therapists = useQuery({
    queryKey: ["clinic", "therapists"],
    queryFn: () => get<{ id: string; displayName: string }[]>("/api/clinic/therapists"),
  });
  const rooms = useQuery({
    queryKey: ["clinic", "rooms"],
    queryFn: () => get<{ id: string; name: string }[]>("/api/clinic/rooms"),
  });

  const step = view === "day" ? 1 : 7;
  const move = useCallback(
    (direction: -1 | 0 | 1) => set({ date: direction === 0 ? null : addDays(date, direction * step) }),
    [set, date, step],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      if (openId || booking) return;
      const key = event.key.toLowerCase();
      if (key === "t") move(0);
      else if (key === "d") set({ view: null });
      else if (key === "w") set({ view: "week" });
      else if (key === "n") setBooking({ date });
      else if (event.key === "ArrowLeft") move(-1);
      else if (event.key === "ArrowRight") move(1);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move, set, openId, booking, date]);

  const list = (appointments.data ?? []).filter((a) => showAll || VISIBLE_BY_DEFAULT.has(a.status));

  let columns: Column[];
  let columnOf: (a: Appointment, d: string) => string | null;
  if (view === "week") {
    columns = dates.map((d) => ({ key: d, label: formatLocalDay(d, "short") }));
    columnOf = (_a, d) => d;
  } else if (by === "room") {
    columns = (rooms.data ?? []).map((r) => ({ key: r.id, label: r.name }));
    if (list.some((a) => !a.room)) columns.push({ key: "none", label: "No room" });
    columnOf = (a) => a.room?.id ?? "none";
  } else {
    columns = (therapists.data ?? []).map((t) => ({ key: t.id, label: t.displayName }));
    // A therapist no longer active still shows with their booked appointments.
    for (const a of list)
      if (!columns.some((c) => c.key === a.therapist.id))
        columns.push({ key: a.therapist.id, label: a.therapist.name });
    columnOf = (a) => a.therapist.id;
  }
  const blocks = layoutBlocks(list, zone, dates, columnOf);
  const hours = visibleHours(blocks);
  const title =
    view === "day"
      ? formatLocalDay(date, "long")
      : `${formatLocalDay(dates[0] ?? date, "monthDay")} – ${formatLocalDay(dates[6] ?? date, "monthDay")}`;
  const loading = appointments.isPending || therapists.isPending || (by === "room" && rooms.isPending);

  function newBookingAt(column: Column, event: MouseEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const minute = hours.start * 60 + (event.clientY - rect.top) / PX_PER_MIN;
    const rounded = Math.max(0, Math.min(24 * 60 - 15, Math.floor(minute / 15) * 15));
    const time = `${String(Math.floor(rounded / 60)).padStart(2, "0")}:${String(rounded % 60).padStart(2, "0")}`;
    const prefill: BookingPrefill = { date: view === "week" ? column.key : date, time };
    if (view === "day" && by === "therapist") prefill.therapistId = column.key;
    if (view === "day" && by === "room" && column.key !== "none") prefill.roomId = column.key;
    setBooking(prefill);
  }

  return (
    <>
      <PageHeader
        eyebrow={`Clinic time · ${zoneDisplayName(zone)}`}
        title="Calendar"
        actions={
          <Button onClick={() => setBooking({ date })} aria-keyshortcuts="N">
            New booking <kbd className={cx(styles.kbdOnPrimary, "kw-kbd")}>N</kbd>
          </Button>
        }
      />
      <div className={styles.calToolbar}>
        <div className="kw-row">
          <Button variant="secondary" onClick={() => move(0)} aria-keyshortcuts="T">
            Today
          </Button>
          <Button
            variant="ghost"
            onClick={() => move(-1)}
            aria-label={view === "day" ? "Previous day" : "Previous week"}
          >
            ‹
          </Button>
          <Button
            variant="ghost"
            onClick={() => move(1)}
            aria-label={view === "day" ? "Next day" : "Next week"}
          >
            ›
          </Button>
          <h2 className={styles.calTitle} aria-live="polite">
            {title}
          </h2>
          <label className="kw-visually-hidden" htmlFor="cal-date">
            Go to date
          </label>
          <input
            id="cal-date"
            type="date"
            className={cx(styles.calDate, "kw-input")}
            value={date}
            onChange={(e) => isValidLocalDate(e.target.value) && set({ date: e.target.value })}
          />
        </div>
        <span className="kw-spacer" />
        <div className="kw-row">
          <fieldset className={cx(styles.calViews, "kw-pills")}>
            <legend className="kw-visually-hidden">View</legend>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={view === "day"}
              onClick={() => set({ view: null })}
            >
              Day
            </button>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={view === "week"}
              onClick={() => set({ view: "week" })}
            >
              Week
            </button>
          </fieldset>
          {view === "day" ? (
            <fieldset className="kw-pills">
              <legend className="kw-visually-hidden">Columns</legend>
              <button
                type="button"
                className="kw-pill"
                aria-pressed={by === "therapist"}
                onClick={() => set({ by: null })}
              >
                Therapists
              </button>
              <button
                type="button"
                className="kw-pill"
                aria-pressed={by === "room"}
                onClick={() => set({ by: "room" })}
              >
                Rooms
              </button>
            </fieldset>
          ) : null}
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={showAll}
              onChange={(e) => set({ all: e.target.checked ? "1" : null })}
            />
            Show cancelled and declined
          </label>
        </div>
      </div>
      <Legend />
      {appointments.isError ? <Alert tone="danger">Could not load appointments.</Alert> : null}
      {loading ? (
        <Loading />
      ) : phone ? (
        <PhoneAgenda
          columns={columns}
          blocks={blocks}
          date={date}
          zone={zone}
          by={by}
          statusClass={STATUS_CLASS}
          statusWords={STATUS_WORDS}
          onOpen={setOpenId}
        />
      ) : (
        <div className={styles.cal} data-view={view}>
          <div
            className={styles.calGrid}
            style={{
              gridTemplateColumns: `4.5rem repeat(${Math.max(1, columns.length)}, minmax(${view === "week" ? "7.5rem" : "10rem"}, 1fr))`,
            }}
          >
            <div className={styles.calCorner} aria-hidden="true" />
            {columns.map((c) => (
              <div
                key={c.key}
                className={styles.calColhead}
                data-today={view === "week" && c.key === today ? "true" : undefined}
                aria-hidden="true"
              >
                {c.label}
              </div>
            ))}
            <div
              className={styles.calAxis}
              aria-hidden="true"
              style={{ height: (hours.end - hours.start) * 60 * PX_PER_MIN }}
            >
              {Array.from({ length: hours.end - hours.start }, (_, i) => hours.start + i).map((hour) => (
                <span key={hour} style={{ top: (hour - hours.start) * 60 * PX_PER_MIN }}>
                  {formatHour(hour)}
                </span>
              ))}
            </div>
            {columns.map((c) => {
              const mine = blocks
                .filter((b) => b.column === c.key)
                .sort((x, y) => x.top - y.top || x.lane - y.lane);
              const columnDate = view === "week" ? c.key : date;
              const heading =
                view === "week"
                  ? formatLocalDay(c.key, "long")
                  : `${c.label}, ${formatLocalDay(date, "long")}`;
              return (
                <section
                  key={c.key}
                  className={styles.calCol}
                  aria-label={`${heading}: ${mine.length === 0 ? "nothing booked" : `${mine.length} appointments`}`}
                >
                  {/* A click on empty space books there; keyboard users have New booking (N). */}
                  {/* biome-ignore lint/a11y/noStaticElementInteractions: mouse shortcut; the New booking button is the accessible path */}
                  {/* biome-ignore lint/a11y/useKeyWithClickEvents: same */}
                  <div
                    className={styles.calLanes}
                    style={{
                      height: (hours.end - hours.start) * 60 * PX_PER_MIN,
                      backgroundSize: `100% ${60 * PX_PER_MIN}px`,
                    }}
                    onClick={(e) => newBookingAt(c, e)}
                    title="Click an empty spot to book there"
                  >
                    {columnDate === today ? (
                      <NowLine zone={zone} startHour={hours.start} endHour={hours.end} />
                    ) : null}
                    <ul className={styles.calBlocks}>
                      {mine.map((b) => (
                        <BlockButton
                          key={b.appointment.id}
                          block={b}
                          zone={zone}
                          startHour={hours.start}
                          view={view}
                          by={by}
                          onOpen={() => setOpenId(b.appointment.id)}
                        />
                      ))}
                    </ul>
                  </div>
                </section>
              );
            })}
          </div>
          {columns.length === 0 ? (
            <p className="kw-empty">No {by === "room" ? "rooms" : "therapists"} yet.</p>
          ) : null}
        </div>
      )}
      <p className={cx(styles.calKeys, "kw-muted")}>
        Keys: <kbd className="kw-kbd">N</kbd> new booking · <kbd className="kw-kbd">T</kbd> today ·{" "}
        <kbd className="kw-kbd">D</kbd>/<kbd className="kw-kbd">W</kbd> day or week ·{" "}
        <kbd className="kw-kbd">←</kbd>
        <kbd className="kw-kbd">→</kbd> move
      </p>
      <AppointmentDialog appointmentId={openId} onClose={() => setOpenId(null)} timeZone={zone} />
      <PhoneBookingDialog
        open={booking !== null}
        prefill={booking}
        onClose={() => setBooking(null)}
        timeZone={zone}
      />
    </>
  );
}

function Legend() {
  return (
    <ul className={styles.calLegend} aria-label="Colours">
      {["requested", "confirmed", "completed", "no_show", "cancelled"].map((s) => (
        <li key={s}>
          <span className={cx(styles.calSwatch, STATUS_CLASS[s])} aria-hidden="true" />
          {STATUS_WORDS[s]}
        </li>
      ))}
    </ul>
  );
}

function NowLine({ zone, startHour, endHour }: { zone: string; startHour: number; endHour: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const minute = minuteOfDay(now, zone);
  if (minute < startHour * 60 || minute > endHour * 60) return null;
  return (
    <div
      className={styles.calNow}
      style={{ top: (minute - startHour * 60) * PX_PER_MIN }}
      aria-hidden="true"
    />
  );
}

function shortName(name: string): string {
  const [first = "", ...rest] = name.split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]}.` : first;
}

function BlockButton({
  block,
  zone,
  startHour,
  view,
  by,
  onOpen,
}: {
  block: Block;
  zone: string;
  startHour: number;
  view: View;
  by: By;
  onOpen(): void;
}) {
  const a = block.appointment;
  const time = `${formatClock(a.startsAt, zone)}–${formatClock(a.endsAt, zone)}`;
  const place = [
    view === "week" || by === "room" ? a.therapist.name : null,
    by === "therapist" || view === "week" ? a.room?.name : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const label = [
    time,
    a.client.name,
    a.service.name,
    a.therapist.name,
    a.room?.name,
    STATUS_WORDS[a.status] ?? a.status,
    a.firstVisit ? "first visit" : null,
  ]
    .filter(Boolean)
    .join(", ");
  const width = 100 / block.lanes;
  // A week column split in lanes is a few characters wide: "9:00 Alex M." says enough there.
  const narrow = view === "week" && block.lanes > 1;
  const short = block.height * PX_PER_MIN < 44;
  return (
    <li
      className={styles.calItem}
      style={{
        top: (block.top - startHour * 60) * PX_PER_MIN,
        height: block.height * PX_PER_MIN,
        left: `${block.lane * width}%`,
        width: `${width}%`,
      }}
    >
      <button
        type="button"
        className={cx(styles.calBlock, STATUS_CLASS[a.status], short && styles.calBlockShort)}
        aria-label={label}
        onClick={onOpen}
      >
        <span className={styles.calBlockTime}>
          {narrow ? formatClock(a.startsAt, zone).replace(/\s?[AP]M$/, "") : formatClock(a.startsAt, zone)}
          {a.firstVisit ? <span className={styles.calFirst}>1st</span> : null}
        </span>
        <span className={styles.calBlockWho}>{narrow ? shortName(a.client.name) : a.client.name}</span>
        {!short ? (
          <span className={styles.calBlockWhat}>
            {view === "week" ? initials(a.therapist.name) : a.service.name}
            {place && view === "day" ? ` · ${place}` : ""}
            {view === "week" && a.room ? ` · ${a.room.name}` : ""}
          </span>
        ) : null}
      </button>
    </li>
  );
}
