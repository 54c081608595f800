/** Signing in, signing up and joining a clinic, as the web app calls them. */

import type { z } from "zod";
import type {
  AcceptInvitationRequestSchema,
  LoginRequestSchema,
  SessionResponse,
  SignupRequestSchema,
} from "../../core/api/auth";
import { post } from "../api/client";
import { signUpAndSignIn } from "./signup";

export const authApi = {
  signIn: (body: z.output<typeof LoginRequestSchema>) => post<SessionResponse>("/api/auth/login", body),
  /** Sign-up answers alike for new and taken addresses and signs nobody in (./signup.ts). */
  signUp: (body: z.output<typeof SignupRequestSchema>) => signUpAndSignIn(body),
  acceptInvitation: (body: z.output<typeof AcceptInvitationRequestSchema>) =>
    post<SessionResponse>("/api/auth/invitations/accept", body),
};
