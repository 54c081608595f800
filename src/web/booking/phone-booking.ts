/**
 * The phone booking form's rules, as plain functions: when the typed time is, what is still
 * missing before the request can be sent, and the request itself.
 */
import type { StaffBookingRequest } from "../../core/api/scheduling";
import { localToInstant } from "../../core/scheduling/zone";
import { isValidLocalDate } from "../appointments/time";

export interface NewClientFields {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}
export const NO_NEW_CLIENT: NewClientFields = { firstName: "", lastName: "", phone: "", email: "" };

export type TimeChoice =
  | { mode: "slots"; slotStart: string | null }
  | { mode: "typed"; date: string; time: string; zone: string };

/** The chosen start as an instant, or null while there is none (or the typed one does not exist). */
export function startOf(choice: TimeChoice): string | null {
  if (choice.mode === "slots") return choice.slotStart;
  if (!isValidLocalDate(choice.date) || !/^\d{2}:\d{2}$/.test(choice.time)) return null;
  const result = localToInstant(choice.date, choice.time, choice.zone);
  return result.ok ? new Date(result.instant).toISOString() : null;
}

/** What the desk still has to do before booking, in plain words; null when the form is complete. */
export function missingStep(form: {
  clientId: string | null;
  newClient: NewClientFields | null;
  serviceId: string | null;
  choice: TimeChoice;
}): string | null {
  if (!form.newClient && !form.clientId) return "Choose a client, or add a new one.";
  if (form.newClient && (!form.newClient.firstName.trim() || !form.newClient.lastName.trim()))
    return "Enter the new client's first and last name.";
  if (!form.serviceId) return "Choose a service.";
  if (!startOf(form.choice))
    return form.choice.mode === "slots"
      ? "Pick one of the open times."
      : "Enter a date and a time that exists on the clinic's clock (HH:MM).";
  return null;
}

const trimmed = (value: string) => (value.trim() ? value.trim() : undefined);

/** The request as the API takes it (blank optional fields left out). */
export function bookingRequest(form: {
  clientId: string | null;
  newClient: NewClientFields | null;
  serviceId: string;
  therapistId: string;
  roomId: string | undefined;
  start: string;
  note: string;
}): StaffBookingRequest {
  const client = form.newClient
    ? {
        newClient: {
          firstName: form.newClient.firstName.trim(),
          lastName: form.newClient.lastName.trim(),
          ...(trimmed(form.newClient.phone) ? { phone: trimmed(form.newClient.phone) } : {}),
          ...(trimmed(form.newClient.email) ? { email: trimmed(form.newClient.email) } : {}),
        },
      }
    : { clientId: form.clientId ?? "" };
  return {
    ...client,
    serviceId: form.serviceId,
    ...(form.therapistId ? { therapistId: form.therapistId } : {}),
    ...(form.roomId ? { roomId: form.roomId } : {}),
    start: form.start,
    ...(trimmed(form.note) ? { note: trimmed(form.note) } : {}),
  };
}
