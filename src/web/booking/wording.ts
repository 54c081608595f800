/**
 * What online booking tells the client, worked out from the state it describes, so the words
 * cannot promise what the server will not do (an instant booking that becomes a request; a step
 * count with a step more than the bar; a to-do that is already done).
 */

export const BOOKING_STEPS = [
  { id: "service", label: "Service" },
  { id: "time", label: "Time" },
  { id: "details", label: "Details" },
] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number]["id"];

/** "Step 2 of 3": counted over the same steps the progress bar draws (the last page is no step). */
export function stepLabel(step: BookingStep): string {
  const index = BOOKING_STEPS.findIndex((s) => s.id === step);
  return `Step ${index + 1} of ${BOOKING_STEPS.length}`;
}

/** What pressing the button will do: confirm at once, send a request, or (not signed in yet) either. */
export type OnlineOutcome = "confirmed" | "requested" | "depends";

/**
 * The server's rule (appointments/booking.ts): online, a request-mode service is always a request,
 * and so is any first visit; an instant service is confirmed for a returning client.
 * `firstVisit` is null when not known yet (not signed in).
 */
export function onlineOutcome(
  service: { bookingMode: "instant" | "request" },
  firstVisit: boolean | null,
): OnlineOutcome {
  if (service.bookingMode === "request" || firstVisit === true) return "requested";
  return firstVisit === false ? "confirmed" : "depends";
}

/** The line under a service in the list, before anyone is known (a consultation is a first visit). */
export function serviceModeText(service: {
  kind: "consultation" | "session";
  bookingMode: "instant" | "request";
}): string {
  return service.bookingMode === "request" || service.kind === "consultation"
    ? "The clinic confirms your request"
    : "Returning clients are booked straight away; a first visit is a request the clinic confirms";
}

export function detailsCopy(outcome: OnlineOutcome): { hint: string; button: string } {
  switch (outcome) {
    case "confirmed":
      return {
        hint: "This time is booked for you as soon as you press the button.",
        button: "Book this time",
      };
    case "requested":
      return {
        hint: "The clinic confirms requests, usually within a day. The time is held for you meanwhile.",
        button: "Request this time",
      };
    case "depends":
      return {
        hint: "Returning clients are booked at once; a first visit is a request the clinic confirms.",
        button: "Continue",
      };
  }
}

/**
 * What is left before a first visit can be confirmed, as one sentence; null when nothing is
 * (then the page says nothing rather than asking for what is already done).
 */
export function beforeFirstVisit(done: { intakeSubmitted: boolean; consentSigned: boolean }): string | null {
  const todo = [
    done.intakeSubmitted ? null : "fill in the intake form",
    done.consentSigned ? null : "sign the consent",
  ].filter((item): item is string => item !== null);
  if (todo.length === 0) return null;
  return `Before your first visit can be confirmed, please ${todo.join(" and ")}.`;
}
