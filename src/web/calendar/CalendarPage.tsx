/**
 * The front desk's calendar (docs/design-system.md: laptop): a day with a column per therapist (or per room), or
 * a week with a column per day; appointments are blocks placed by the clinic's wall clock and
 * coloured by status. A block opens the appointment dialog; "New booking" (or N, or a click on an
 * empty spot of a column) opens phone booking. Keys: T today, D day, W week, ←/→ move.
 * On a phone the same day is an agenda, one therapist (or room) at a time.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import { AppointmentDialog } from "../appointments/AppointmentDialog";
import { useAppointments } from "../appointments/queries";
import {
  addDays,
  formatLocalDay,
  isValidLocalDate,
  localDateOf,
  localDaysRange,
  startOfWeek,
  zoneDisplayName,
} from "../appointments/time";
import { useSession } from "../auth/session";
import { type BookingPrefill, PhoneBookingDialog } from "../booking/PhoneBooking";
import { roomsQuery, therapistsQuery } from "../clinic/api";
import { Alert, Button, Loading, PageHeader } from "../ui/components";
import { cx } from "../ui/cx";
import { useMediaQuery } from "../ui/useMediaQuery";
import { usePatchSearchParams } from "../ui/usePatchSearchParams";
import { AGENDA_MAX_WIDTH_PX } from "./agenda";
import styles from "./Calendar.module.css";
import { CalendarGrid } from "./CalendarGrid";
import { Legend } from "./CalendarParts";
import { CalendarToolbar } from "./CalendarToolbar";
import { calendarColumns } from "./columns";
import { layoutBlocks, VISIBLE_BY_DEFAULT, visibleHours } from "./layout";
import { PhoneAgenda } from "./PhoneAgenda";
import type { By, View } from "./status";
import { useCalendarKeys } from "./useCalendarKeys";
import { useWorkingSchedules } from "./useWorkingSchedules";
import { columnWorkingHours, daySpans } from "./working";

export default function CalendarPage() {
  const { context } = useSession();
  if (!context) return <Loading />;
  return <Calendar context={context} />;
}

function Calendar({ context }: { context: AuthContext }) {
  const zone = context.timeZone;
  const [params, patch] = usePatchSearchParams();
  const phone = useMediaQuery(`(max-width: ${AGENDA_MAX_WIDTH_PX}px)`);
  const today = localDateOf(Date.now(), zone);
  // A week does not fit a phone: it gets the day, one column at a time.
  const view: View = params.get("view") === "week" && !phone ? "week" : "day";
  const by: By = params.get("by") === "room" ? "room" : "therapist";
  const date = isValidLocalDate(params.get("date")) ? (params.get("date") as string) : today;
  const showAll = params.get("all") === "1";
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const set = (changes: Record<string, string | null>) => patch(changes, { replace: true });

  const dates = useMemo(
    () => (view === "day" ? [date] : Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(date), i))),
    [view, date],
  );
  const range = useMemo(() => localDaysRange(dates[0] ?? date, dates.length, zone), [dates, date, zone]);
  const appointments = useAppointments(range);
  const therapists = useQuery(therapistsQuery);
  const rooms = useQuery(roomsQuery);
  const therapistIds = useMemo(() => (therapists.data ?? []).map((t) => t.id), [therapists.data]);
  const schedules = useWorkingSchedules(therapistIds, dates, range);

  const move = (direction: -1 | 0 | 1) =>
    set({ date: direction === 0 ? null : addDays(date, direction * (view === "day" ? 1 : 7)) });
  const keys = {
    today: () => move(0),
    day: () => set({ view: null }),
    week: () => set({ view: "week" }),
    book: () => setBooking({ date }),
    move: (direction: -1 | 1) => move(direction),
  };
  useCalendarKeys(!openId && !booking, keys);

  const list = (appointments.data ?? []).filter((a) => showAll || VISIBLE_BY_DEFAULT.has(a.status));
  const { columns, columnOf } = calendarColumns({
    view,
    by,
    dates,
    therapists: therapists.data ?? [],
    rooms: rooms.data ?? [],
    appointments: list,
  });
  const blocks = layoutBlocks(list, zone, dates, columnOf);
  // Outside-hours time is shaded from the slot engine's own rules (weekly hours, overrides, time off).
  const working = columnWorkingHours({ view, by, date, columns, schedules, zone });
  const title =
    view === "day"
      ? formatLocalDay(date, "long")
      : `${formatLocalDay(dates[0] ?? date, "monthDay")} – ${formatLocalDay(dates[6] ?? date, "monthDay")}`;
  const loading = appointments.isPending || therapists.isPending || (by === "room" && rooms.isPending);

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
      <CalendarToolbar
        view={view}
        by={by}
        date={date}
        title={title}
        showAll={showAll}
        phone={phone}
        move={move}
        set={set}
      />
      {phone ? null : <Legend />}
      {appointments.isError ? <Alert tone="danger">Could not load appointments.</Alert> : null}
      {loading ? (
        <Loading />
      ) : phone ? (
        <PhoneAgenda
          columns={columns}
          columnOf={columnOf}
          appointments={list}
          date={date}
          zone={zone}
          chosen={params.get("col")}
          working={working}
          onChoose={(key) => set({ col: key })}
          onOpen={setOpenId}
        />
      ) : (
        <CalendarGrid
          view={view}
          by={by}
          date={date}
          today={today}
          zone={zone}
          columns={columns}
          blocks={blocks}
          hours={visibleHours(blocks, [...working.values()].flatMap(daySpans))}
          working={working}
          onOpen={setOpenId}
          onBookAt={(column, time) => {
            const prefill: BookingPrefill = { date: view === "week" ? column.key : date, time };
            if (view === "day" && by === "therapist") prefill.therapistId = column.key;
            if (view === "day" && by === "room" && column.key !== "none") prefill.roomId = column.key;
            setBooking(prefill);
          }}
        />
      )}
      {phone ? null : (
        <p className={cx(styles.calKeys, "kw-muted")}>
          Keys: <kbd className="kw-kbd">N</kbd> new booking · <kbd className="kw-kbd">T</kbd> today ·{" "}
          <kbd className="kw-kbd">D</kbd>/<kbd className="kw-kbd">W</kbd> day or week ·{" "}
          <kbd className="kw-kbd">←</kbd>
          <kbd className="kw-kbd">→</kbd> move
        </p>
      )}
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
