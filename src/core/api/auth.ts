/** API contracts for accounts and sessions, shared by the server and the web app. */
import { z } from "zod";

import { ROLES } from "./roles";
import { PersonNameSchema, singleLine } from "./text";

export { ROLE_LABELS, ROLES, type Role, STAFF_ROLES, type StaffRole } from "./roles";

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .email({ message: "Enter a valid e-mail address." })
  .transform((email) => email.toLowerCase());

/** Length is what matters for passwords (NIST 800-63B): at least 10 characters, no composition rules. */
export const NewPasswordSchema = z.string().min(10, { message: "Use at least 10 characters." }).max(200);

export { PersonNameSchema } from "./text";

export const LoginRequestSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: "Enter your password." }).max(200),
});

export const SignupRequestSchema = z.object({
  clinicSlug: singleLine(80, 1),
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  email: EmailSchema,
  password: NewPasswordSchema,
  phone: singleLine(40).optional(),
});

/**
 * The answer to every sign-up, whether or not the address already had an account, so the answer
 * does not tell who has one. The address's owner learns the rest by e-mail.
 */
export const SignupResponseSchema = z.object({
  ok: z.literal(true),
  message: z.string(),
});
export type SignupResponse = z.infer<typeof SignupResponseSchema>;

export const SIGNUP_ACCEPTED_MESSAGE =
  "Thank you. We have sent a message to this address: open the link in it to confirm your e-mail. If you already had an account, sign in with your password instead.";

export const VerifyEmailQuerySchema = z.object({ token: z.string().min(10).max(200) });

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPasswordSchema,
});

/**
 * A new account chooses its password here; an existing account either sends its current password
 * or accepts while signed in as the invited address (then `password` is left out).
 */
export const AcceptInvitationRequestSchema = z.object({
  token: z.string().min(10).max(200),
  password: z.string().min(1, { message: "Enter your password." }).max(200).optional(),
});

export const InvitationPreviewSchema = z.object({
  clinicName: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["owner", "therapist", "front_desk"]),
  /** True when the address already has an account: the invitee signs in to accept. */
  existingAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const SwitchContextRequestSchema = z.object({
  clinicId: z.string().uuid(),
  role: z.enum(ROLES),
});

export const ContextSchema = z.object({
  clinicId: z.string(),
  clinicName: z.string(),
  clinicSlug: z.string(),
  timeZone: z.string(),
  role: z.enum(ROLES),
  clientId: z.string().nullable(),
});
export type AuthContext = z.infer<typeof ContextSchema>;

/**
 * Where the session stands with the second factor: `pending` says what must happen before anything
 * else works — `verify` (enter a code: the account has two-factor) or `enrol` (the clinic requires
 * two-factor for staff and this account has none yet).
 */
export const SessionTwoFactorSchema = z.object({
  enrolled: z.boolean(),
  passed: z.boolean(),
  pending: z.enum(["verify", "enrol"]).nullable(),
});
export type SessionTwoFactor = z.infer<typeof SessionTwoFactorSchema>;

export const SessionResponseSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    /** False until a client who signed up opens the link e-mailed to them (show a reminder). */
    emailVerified: z.boolean(),
  }),
  /** Send back as `x-csrf-token` on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
  context: ContextSchema.nullable(),
  contexts: z.array(ContextSchema),
  twoFactor: SessionTwoFactorSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ErrorSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export const OkSchema = z.object({ ok: z.literal(true) });
