/** Calendar export (docs/product.md): pure iCalendar text for downloads, invitations and feeds. */
export {
  appointmentToIcsEvent,
  buildCalendar,
  escapeIcsText,
  foldIcsLine,
  formatIcsUtc,
  ICS_MAX_LINE_OCTETS,
  ICS_MEDIA_TYPE,
  ICS_PRODID,
  type IcsAppointment,
  type IcsCalendar,
  type IcsEvent,
  type IcsEventStatus,
  type IcsFileNameOptions,
  type IcsMethod,
  type IcsPerson,
  icsFileName,
} from "./ics";
