/** Signing in, signing up and joining a clinic, as the web app calls them. */

import type { z } from "zod";
import type { RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from "../../core/api/account";
import type {
  AcceptInvitationRequestSchema,
  LoginRequestSchema,
  SessionResponse,
  SignupRequestSchema,
} from "../../core/api/auth";
import { get, post } from "../api/client";
import { signUpAndSignIn } from "./signup";

export const authApi = {
  signIn: (body: z.output<typeof LoginRequestSchema>) => post<SessionResponse>("/api/auth/login", body),
  /** Sign-up answers alike for new and taken addresses and signs nobody in (./signup.ts). */
  signUp: (body: z.output<typeof SignupRequestSchema>) => signUpAndSignIn(body),
  acceptInvitation: (body: z.output<typeof AcceptInvitationRequestSchema>) =>
    post<SessionResponse>("/api/auth/invitations/accept", body),
  twoFactorStatus: () => get<TwoFactorStatus>("/api/auth/two-factor"),
  startTwoFactor: () => post<TwoFactorEnrolment>("/api/auth/two-factor/enrol"),
  confirmTwoFactor: (code: string) => post<RecoveryCodes>("/api/auth/two-factor/confirm", { code }),
  verifyTwoFactor: (code: string) => post<SessionResponse>("/api/auth/two-factor/verify", { code }),
  newRecoveryCodes: () => post<RecoveryCodes>("/api/auth/two-factor/recovery-codes"),
  session: () => get<SessionResponse>("/api/auth/session"),
};
