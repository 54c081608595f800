/**
 * Phone booking at the front desk (DESIGN.md: laptop, phone ringing, keyboard-fast): find the
 * client as you type (↑/↓ and Enter) or add a new one, pick service and therapist, take an open time
 * or type one, and book with Ctrl+Enter. Same booking path as online: `POST /api/appointments`.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type FormEvent,
  type KeyboardEvent,
  useDeferredValue,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { ClientSummarySchema, RoomSchema, ServiceSchema, TherapistSchema } from "../../core/api/clinic";
import type { StaffBookingRequest } from "../../core/api/scheduling";
import { localToInstant } from "../../core/scheduling/zone";
import { ApiError, get } from "../api/client";
import { describeWhen } from "../appointments/AppointmentDialog";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { type AppointmentDetail, bookByStaff } from "../appointments/api";
import { SlotPicker } from "../appointments/SlotPicker";
import {
  addDays,
  formatClock,
  formatLocalDay,
  isValidLocalDate,
  localDateOf,
  zoneDisplayName,
} from "../appointments/time";
import { Alert, Button, StatusBadge, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import styles from "./PhoneBooking.module.css";

type ClientSummary = z.infer<typeof ClientSummarySchema>;
type Service = z.infer<typeof ServiceSchema>;
type Therapist = z.infer<typeof TherapistSchema>;
type Room = z.infer<typeof RoomSchema>;

export interface BookingPrefill {
  therapistId?: string;
  roomId?: string;
  date?: string;
  /** "HH:MM" in the clinic's zone: starts in "type a time" mode. */
  time?: string;
}

export function useClinicLists() {
  const services = useQuery({
    queryKey: ["clinic", "services"],
    queryFn: () => get<Service[]>("/api/clinic/services"),
  });
  const therapists = useQuery({
    queryKey: ["clinic", "therapists"],
    queryFn: () => get<Therapist[]>("/api/clinic/therapists"),
  });
  const rooms = useQuery({ queryKey: ["clinic", "rooms"], queryFn: () => get<Room[]>("/api/clinic/rooms") });
  return { services, therapists, rooms };
}

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

function ClientPicker({
  value,
  onChange,
  autoFocus,
}: {
  value: ClientSummary | null;
  onChange(client: ClientSummary | null): void;
  autoFocus?: boolean;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query.trim());
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const results = useQuery({
    queryKey: ["clients", "pick", deferred],
    queryFn: () => get<ClientSummary[]>(`/api/clients?limit=8&q=${encodeURIComponent(deferred)}`),
    enabled: deferred.length > 0,
  });
  const options = deferred ? (results.data ?? []) : [];
  const expanded = !value && options.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === "Enter" && expanded && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const chosen = options[active];
      if (chosen) onChange(chosen);
    } else if (event.key === "Escape" && query) {
      event.stopPropagation();
      setQuery("");
    }
  }

  if (value) {
    return (
      <div className="kw-field">
        <span className={styles.fieldLabel}>Client</span>
        <div className={styles.chosen}>
          <span>
            <strong>
              {value.firstName} {value.lastName}
            </strong>
            <span className="kw-muted"> · {value.phone ?? value.email ?? "no contact details"}</span>
          </span>
          <button
            type="button"
            className="kw-button kw-button--ghost"
            onClick={() => {
              onChange(null);
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            Change<span className="kw-visually-hidden"> client</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={cx(styles.combobox, "kw-field")}>
      <label htmlFor={id}>Client</label>
      <span className="kw-field__hint" id={`${id}-hint`}>
        Name, phone or e-mail; <kbd className="kw-kbd">↑</kbd> <kbd className="kw-kbd">↓</kbd> and{" "}
        <kbd className="kw-kbd">Enter</kbd> to choose.
      </span>
      <input
        ref={inputRef}
        id={id}
        className="kw-input"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the desk opens this dialog to type the caller's name at once
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* The ARIA 1.2 combobox pattern: focus stays in the input, aria-activedescendant names the option. */}
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Matching clients"
        className={styles.comboboxList}
        hidden={!expanded}
      >
        {options.map((c, i) => (
          // Options are chosen with the keyboard from the input (aria-activedescendant) or by a click.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens on the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: options are not focused; the input is (activedescendant)
          <div
            key={c.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={styles.comboboxOption}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChange(c)}
          >
            <strong>
              {c.lastName}, {c.firstName}
            </strong>
            <span className="kw-muted">{c.phone ?? c.email ?? ""}</span>
          </div>
        ))}
      </div>
      {deferred && results.isSuccess && options.length === 0 ? (
        <span className="kw-field__hint" role="status">
          No client matches "{deferred}". Add them as a new client.
        </span>
      ) : null}
    </div>
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
  const { services, therapists } = useClinicLists();
  const queryClient = useQueryClient();
  const today = localDateOf(Date.now(), timeZone);
  const [newClient, setNewClient] = useState(false);
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [fields, setFields] = useState({ firstName: "", lastName: "", phone: "", email: "" });
  const [serviceId, setServiceId] = useState<string>("");
  const [therapistId, setTherapistId] = useState<string>(prefill.therapistId ?? "");
  const [mode, setMode] = useState<"slots" | "typed">(prefill.time ? "typed" : "slots");
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [date, setDate] = useState(prefill.date && isValidLocalDate(prefill.date) ? prefill.date : today);
  const [time, setTime] = useState(prefill.time ?? "");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { service: useId(), therapist: useId(), date: useId(), time: useId(), note: useId() };

  // Default to the usual follow-up session once the list is in.
  useEffect(() => {
    if (serviceId || !services.data?.length) return;
    const usual = services.data.find((s) => s.kind === "session" && s.durationMin === 60) ?? services.data[0];
    if (usual) setServiceId(usual.id);
  }, [services.data, serviceId]);

  const service = services.data?.find((s) => s.id === serviceId) ?? null;

  const booking = useMutation({
    mutationFn: (body: StaffBookingRequest) => bookByStaff(body),
    onSuccess: (appointment) => {
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
      onBooked?.(appointment);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "slot_taken") {
        setSlotStart(null);
        setRefreshKey((k) => k + 1);
      }
    },
  });

  function startInstant(): string | null {
    if (mode === "slots") return slotStart;
    if (!isValidLocalDate(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
    const result = localToInstant(date, time, timeZone);
    return result.ok ? new Date(result.instant).toISOString() : null;
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    setProblem(null);
    const start = startInstant();
    if (!newClient && !client) return setProblem("Choose a client, or add a new one.");
    if (newClient && (!fields.firstName.trim() || !fields.lastName.trim()))
      return setProblem("Enter the new client's first and last name.");
    if (!service) return setProblem("Choose a service.");
    if (!start)
      return setProblem(
        mode === "slots"
          ? "Pick one of the open times."
          : "Enter a date and a time that exists on the clinic's clock (HH:MM).",
      );
    const body: StaffBookingRequest = {
      ...(newClient
        ? {
            newClient: {
              firstName: fields.firstName.trim(),
              lastName: fields.lastName.trim(),
              ...(fields.phone.trim() ? { phone: fields.phone.trim() } : {}),
              ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
            },
          }
        : { clientId: client?.id ?? "" }),
      serviceId: service.id,
      ...(therapistId ? { therapistId } : {}),
      ...(prefill.roomId ? { roomId: prefill.roomId } : {}),
      start,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    booking.mutate(body);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  if (booking.data) {
    const a = booking.data;
    return (
      <>
        <DialogHeader title={a.status === "confirmed" ? "Booked" : "Booked as a request"} closable={false} />
        <Alert tone="info">
          <strong>{a.client.name}</strong>: {a.service.name} with {a.therapist.name}
          {a.room ? ` in ${a.room.name}` : ""}, {describeWhen(a, timeZone)}.
        </Alert>
        <div className={appointmentsStyles.apptDetailBadges} style={{ marginTop: "var(--kw-space-3)" }}>
          <StatusBadge status={a.status} />
          {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
        </div>
        {a.firstVisit && a.status === "requested" ? (
          <p>
            A first visit stays a request until the client's intake and consent are in; then confirm it from
            Requests.
          </p>
        ) : null}
        <DialogActions>
          <Button
            // The next call is usually another booking.
            autoFocus
            onClick={() => {
              booking.reset();
              setClient(null);
              setNewClient(false);
              setFields({ firstName: "", lastName: "", phone: "", email: "" });
              setSlotStart(null);
              setNote("");
            }}
          >
            Book another
          </Button>
          <Link
            className="kw-button kw-button--secondary"
            to={`/app/clients/${a.client.id}`}
            onClick={onClose}
          >
            Open client
          </Link>
          <Button variant="ghost" onClick={onClose}>
            Done
          </Button>
        </DialogActions>
      </>
    );
  }

  const error = booking.error instanceof ApiError ? booking.error : null;

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate className="kw-stack">
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
            <fieldset className={styles.fieldset}>
              <legend>New client</legend>
              <div className={styles.phonePair}>
                <TextField
                  label="First name"
                  autoFocus
                  value={fields.firstName}
                  onChange={(e) => setFields({ ...fields, firstName: e.target.value })}
                  autoComplete="off"
                />
                <TextField
                  label="Last name"
                  value={fields.lastName}
                  onChange={(e) => setFields({ ...fields, lastName: e.target.value })}
                  autoComplete="off"
                />
              </div>
              <div className={styles.phonePair}>
                <TextField
                  label="Phone"
                  type="tel"
                  value={fields.phone}
                  onChange={(e) => setFields({ ...fields, phone: e.target.value })}
                  autoComplete="off"
                />
                <TextField
                  label="E-mail (optional)"
                  type="email"
                  value={fields.email}
                  onChange={(e) => setFields({ ...fields, email: e.target.value })}
                  autoComplete="off"
                />
              </div>
            </fieldset>
          ) : (
            <ClientPicker value={client} onChange={setClient} autoFocus />
          )}
          <Button variant="ghost" onClick={() => setNewClient((v) => !v)} className={styles.phoneToggle}>
            {newClient ? "Find an existing client instead" : "+ New client"}
          </Button>

          <div className="kw-stack">
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
          </div>
          <div className="kw-field">
            <label htmlFor={ids.note}>Note (optional)</label>
            <textarea
              id={ids.note}
              className="kw-input kw-textarea"
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
        </div>

        <div className="kw-stack">
          <fieldset className="kw-pills">
            <legend className="kw-visually-hidden">How to pick the time</legend>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={mode === "slots"}
              onClick={() => setMode("slots")}
            >
              Open times
            </button>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={mode === "typed"}
              onClick={() => setMode("typed")}
            >
              Type a time
            </button>
          </fieldset>
          {mode === "slots" && service ? (
            <SlotPicker
              slug={null}
              serviceId={service.id}
              therapistId={therapistId || null}
              zone={timeZone}
              today={today}
              lastDay={addDays(today, 365)}
              day={date}
              onDayChange={setDate}
              selected={slotStart}
              onSelect={(slot) => setSlotStart(slot.start)}
              refreshKey={refreshKey}
              compact
            />
          ) : null}
          {mode === "typed" ? (
            <div className={styles.phonePair}>
              <div className="kw-field">
                <label htmlFor={ids.date}>Date</label>
                <input
                  id={ids.date}
                  className="kw-input"
                  type="date"
                  min={today}
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
              </div>
              <div className="kw-field">
                <label htmlFor={ids.time}>Start (clinic time)</label>
                <input
                  id={ids.time}
                  className="kw-input"
                  type="time"
                  step={300}
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                />
              </div>
            </div>
          ) : null}
        </div>
      </div>

      <div aria-live="polite">
        {problem ? <Alert tone="warning">{problem}</Alert> : null}
        {error ? (
          <Alert tone="danger">
            {error.code === "slot_taken"
              ? "That time was just taken. The open times are refreshed: pick another."
              : error.message}
          </Alert>
        ) : null}
      </div>
      <DialogActions>
        <Button type="submit" disabled={booking.isPending}>
          {booking.isPending ? "Booking…" : "Book"}
          {(() => {
            const start = startInstant();
            return start
              ? ` ${formatLocalDay(localDateOf(start, timeZone), "short")}, ${formatClock(start, timeZone)}`
              : "";
          })()}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </form>
  );
}
