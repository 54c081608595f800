/**
 * API contracts for the account's own security: two-factor, password reset and profile
 * (docs/decisions/0020-two-factor-and-account-recovery.md). Apart from auth.ts so the public pages
 * that load auth.ts do not carry them.
 */
import { z } from "zod";
import { EmailSchema, NewPasswordSchema } from "./auth";
import { PersonNameSchema, singleLine } from "./text";

/** A six-digit TOTP code or a recovery code (`xxxxx-xxxxx`); spaces and dashes are ignored. */
export const SecondFactorCodeSchema = z
  .string()
  .trim()
  .min(1, { message: "Enter the code." })
  .max(40)
  .transform((code) => code.replace(/[\s-]/g, "").toLowerCase())
  .refine((code) => /^\d{6}$/.test(code) || /^[a-z0-9]{10}$/.test(code), {
    message: "Enter the 6-digit code from your app, or a 10-character recovery code.",
  });

export const TwoFactorCodeRequestSchema = z.object({ code: SecondFactorCodeSchema });

export const TwoFactorStatusSchema = z.object({
  enrolled: z.boolean(),
  /** The clinic acted in requires two-factor for its staff. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatusSchema>;

/** Shown once, while enrolment waits for the first code; never again once it is confirmed. */
export const TwoFactorEnrolmentSchema = z.object({
  /** The shared secret in base32, to type into an authenticator app by hand. */
  manualKey: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as a QR code, an SVG image. */
  qrSvg: z.string(),
});
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolmentSchema>;

export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Password reset and account details (src/server/auth/account-routes.ts). */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export const PASSWORD_RESET_ACCEPTED_MESSAGE =
  "If an account uses this address, we have sent it a link to choose a new password. The link works once, within one hour.";
export const PasswordResetSchema = z.object({
  token: z.string().min(10).max(200),
  newPassword: NewPasswordSchema,
});
export const MessageResponseSchema = z.object({ ok: z.literal(true), message: z.string() });

export const AccountSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  /** A new address waiting for its confirmation link to be opened. */
  pendingEmail: z.string().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

export const UpdateProfileRequestSchema = z.object({
  name: PersonNameSchema,
  phone: singleLine(40).optional(),
  email: EmailSchema,
});
