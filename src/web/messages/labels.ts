/** Words for kinds and statuses, shared by the client's and the staff's views. */
import type { MessageStatus } from "../../core/api/notify";
import { KIND_LABELS } from "../../core/notify/kinds";

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind.replaceAll("_", " ");
}

export const STATUS_WORDS: Record<MessageStatus, string> = {
  scheduled: "Scheduled",
  due: "Due",
  retrying: "Retrying",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The badge tone of a status (global badge classes). */
export const STATUS_BADGE: Record<MessageStatus, string> = {
  scheduled: "kw-badge kw-badge--neutral",
  due: "kw-badge kw-badge--requested",
  retrying: "kw-badge kw-badge--requested",
  sent: "kw-badge kw-badge--confirmed",
  failed: "kw-badge kw-badge--declined",
  cancelled: "kw-badge kw-badge--neutral",
};
