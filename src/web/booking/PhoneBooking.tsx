/**
 * Phone booking at the front desk (docs/design-system.md: laptop, phone ringing, keyboard-fast): find the
 * client as you type (↑/↓ and Enter) or add a new one, pick service and therapist, take an open time
 * or type one, and book with Ctrl+Enter. Same booking path as online: `POST /api/appointments`.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { StaffBookingRequestSchema } from "../../core/api/scheduling";
import { ApiError } from "../api/client";
import type { AppointmentDetail } from "../appointments/api";
import { staffBookingMutation } from "../appointments/api";
import {
  formatClock,
  formatLocalDay,
  isValidLocalDate,
  localDateOf,
  zoneDisplayName,
} from "../appointments/time";
import type { ClientSummary } from "../clients/api";
import { servicesQuery, therapistsQuery } from "../clinic/api";
import { type FormErrors, NO_ERRORS, serverErrors, validate } from "../forms";
import { Alert, Button } from "../ui/components";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { ClientPicker } from "./ClientPicker";
import { NewClientFieldset } from "./NewClientFieldset";
import { PhoneBooked } from "./PhoneBooked";
import styles from "./PhoneBooking.module.css";
import { PhoneTime } from "./PhoneTime";
import {
  bookingRequest,
  missingStep,
  type NewClientFields,
  NO_NEW_CLIENT,
  startOf,
  type TimeChoice,
} from "./phone-booking";

export interface BookingPrefill {
  therapistId?: string;
  roomId?: string;
  date?: string;
  /** "HH:MM" in the clinic's zone: starts in "type a time" mode. */
  time?: string;
}

/** Fields of the request the form shows an error beside (the rest go above the buttons). */
const FIELDS = ["newClient.firstName", "newClient.lastName", "newClient.phone", "newClient.email", "note"];

export function PhoneBookingDialog({
  open,
  prefill,
  onClose,
  timeZone,
  onBooked,
}: {
  open: boolean;
  prefill: BookingPrefill | null;
  onClose(): void;
  timeZone: string;
  onBooked?(appointment: AppointmentDetail): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} wide>
      <PhoneBookingForm
        key={JSON.stringify(prefill)}
        prefill={prefill ?? {}}
        timeZone={timeZone}
        onClose={onClose}
        onBooked={onBooked}
      />
    </Dialog>
  );
}

function PhoneBookingForm({
  prefill,
  timeZone,
  onClose,
  onBooked,
}: {
  prefill: BookingPrefill;
  timeZone: string;
  onClose(): void;
  onBooked?(appointment: AppointmentDetail): void;
}) {
  const services = useQuery(servicesQuery);
  const therapists = useQuery(therapistsQuery);
  const queryClient = useQueryClient();
  const today = localDateOf(Date.now(), timeZone);
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [newClient, setNewClient] = useState<NewClientFields | null>(null);
  const [chosenService, setServiceId] = useState<string>("");
  const [therapistId, setTherapistId] = useState<string>(prefill.therapistId ?? "");
  const [mode, setMode] = useState<"slots" | "typed">(prefill.time ? "typed" : "slots");
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [date, setDate] = useState(prefill.date && isValidLocalDate(prefill.date) ? prefill.date : today);
  const [time, setTime] = useState(prefill.time ?? "");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [refreshKey, setRefreshKey] = useState(0);
  const ids = { service: useId(), therapist: useId(), note: useId() };

  // The usual follow-up session until the desk picks another.
  const usual =
    services.data?.find((s) => s.kind === "session" && s.durationMin === 60) ?? services.data?.[0];
  const serviceId = chosenService || usual?.id || "";
  const choice: TimeChoice = mode === "slots" ? { mode, slotStart } : { mode, date, time, zone: timeZone };
  const start = startOf(choice);

  const booking = useMutation({
    ...staffBookingMutation(queryClient),
    onSuccess: (appointment) => {
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
      onBooked?.(appointment);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "slot_taken") {
        setSlotStart(null);
        setRefreshKey((k) => k + 1);
        setErrors({
          fields: {},
          form: "That time was just taken. The open times are refreshed: pick another.",
        });
      } else setErrors(serverErrors(error, "Could not book. Please try again.", FIELDS));
    },
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const form = { clientId: client?.id ?? null, newClient, serviceId: serviceId || null, choice };
    const missing = missingStep(form);
    if (missing || !start) return setErrors({ fields: {}, form: missing });
    const body = bookingRequest({ ...form, serviceId, therapistId, roomId: prefill.roomId, start, note });
    // The API's own schema, in the browser first: every problem at once, in plain words.
    const checked = validate(StaffBookingRequestSchema, body, FIELDS);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors(NO_ERRORS);
    booking.mutate(body);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  if (booking.data) {
    return (
      <PhoneBooked
        appointment={booking.data}
        timeZone={timeZone}
        onClose={onClose}
        onAnother={() => {
          booking.reset();
          setClient(null);
          setNewClient(null);
          setSlotStart(null);
          setNote("");
        }}
      />
    );
  }

  const error = (field: string) => errors.fields[field] ?? null;
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="kw-stack">
      <DialogHeader
        title="New booking"
        description={
          <>
            Times are the clinic's: {zoneDisplayName(timeZone)}. Book with <kbd className="kw-kbd">Ctrl</kbd>+
            <kbd className="kw-kbd">Enter</kbd>.
          </>
        }
      />
      <div className={styles.phoneGrid}>
        <div className="kw-stack">
          {newClient ? (
            <NewClientFieldset value={newClient} onChange={setNewClient} error={error} />
          ) : (
            <ClientPicker value={client} onChange={setClient} autoFocus />
          )}
          <Button
            variant="ghost"
            onClick={() => setNewClient((v) => (v ? null : NO_NEW_CLIENT))}
            className={styles.phoneToggle}
          >
            {newClient ? "Find an existing client instead" : "+ New client"}
          </Button>
          <div className="kw-field">
            <label htmlFor={ids.service}>Service</label>
            <select
              id={ids.service}
              className="kw-input"
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                setSlotStart(null);
              }}
            >
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMin} min)
                </option>
              ))}
            </select>
          </div>
          <div className="kw-field">
            <label htmlFor={ids.therapist}>Therapist</label>
            <select
              id={ids.therapist}
              className="kw-input"
              value={therapistId}
              onChange={(e) => {
                setTherapistId(e.target.value);
                setSlotStart(null);
              }}
            >
              <option value="">Any therapist</option>
              {(therapists.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="kw-field">
            <label htmlFor={ids.note}>Note (optional)</label>
            <textarea
              id={ids.note}
              className="kw-input kw-textarea"
              rows={2}
              maxLength={1000}
              value={note}
              aria-invalid={error("note") ? true : undefined}
              onChange={(e) => setNote(e.target.value)}
            />
            {error("note") ? <span className="kw-field__error">{error("note")}</span> : null}
          </div>
        </div>
        <PhoneTime
          mode={mode}
          onMode={setMode}
          serviceId={serviceId || null}
          therapistId={therapistId}
          timeZone={timeZone}
          today={today}
          date={date}
          onDate={setDate}
          time={time}
          onTime={setTime}
          slotStart={slotStart}
          onSlot={setSlotStart}
          refreshKey={refreshKey}
        />
      </div>
      <div aria-live="polite">{errors.form ? <Alert tone="warning">{errors.form}</Alert> : null}</div>
      <DialogActions>
        <Button type="submit" disabled={booking.isPending}>
          {booking.isPending ? "Booking…" : "Book"}
          {start
            ? ` ${formatLocalDay(localDateOf(start, timeZone), "short")}, ${formatClock(start, timeZone)}`
            : ""}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </form>
  );
}
