/** API contracts for notifications (docs/product.md F8): the message centre, contact preferences, the owner's view. */
import { z } from "zod";

export const MESSAGE_STATUSES = ["scheduled", "due", "retrying", "sent", "failed", "cancelled"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const PortalMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  /** When it was sent, or became due (kept in the app when no mail server is configured). */
  at: z.string(),
  emailed: z.boolean(),
});
export const PortalMessagesSchema = z.object({ messages: z.array(PortalMessageSchema) });

export const ContactPreferencesSchema = z.object({
  reminders: z.boolean(),
  recalls: z.boolean(),
  checkIns: z.boolean(),
});
// Strict: transactional messages cannot be turned off, and a field that does nothing is an error, not a silent 200.
export const UpdateContactPreferencesSchema = ContactPreferencesSchema.partial().strict();

export const StaffMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  subject: z.string(),
  to: z.string(),
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  appointmentId: z.string().nullable(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

const CountsSchema = z.object({
  scheduled: z.number(),
  due: z.number(),
  retrying: z.number(),
  sent: z.number(),
  failed: z.number(),
  cancelled: z.number(),
});

export const MessagesOverviewSchema = z.object({
  byKind: z.array(CountsSchema.extend({ kind: z.string() })),
  byClient: z.array(CountsSchema.extend({ clientId: z.string(), name: z.string() })),
  messages: z.array(StaffMessageSchema),
  /** Whether a mail server is configured; without one, messages stay in the app. */
  emailEnabled: z.boolean(),
});

export const MessagesQuerySchema = z.object({
  status: z.enum(MESSAGE_STATUSES).optional(),
  kind: z.string().max(40).optional(),
  clientId: z.string().uuid({ message: "Not a valid id." }).optional(),
});

export const UnsubscribeQuerySchema = z.object({ token: z.string().min(1).max(200) });
export const UnsubscribeResultSchema = z.object({ topic: z.string(), done: z.boolean() });
