/**
 * Sign-up from the web: the API answers sign-up alike for new and taken addresses (so it reveals
 * nobody's account) and does not sign in, so the page signs in with the same e-mail and password.
 */
import type { SessionResponse, SignupResponse } from "../../core/api/auth";
import { ApiError, post } from "../api/client";

export interface SignupFields {
  clinicSlug: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  password: string;
}

export async function signUpAndSignIn(fields: SignupFields): Promise<SessionResponse> {
  await post<SignupResponse>("/api/auth/signup", fields);
  try {
    return await post<SessionResponse>("/api/auth/login", { email: fields.email, password: fields.password });
  } catch (caught) {
    if (caught instanceof ApiError && caught.code === "invalid_credentials") {
      // The address already had an account (with another password); its owner has been e-mailed.
      throw new ApiError(
        caught.status,
        caught.code,
        "This e-mail address may already have an account. Sign in with its password instead; we have also sent a message to that address.",
      );
    }
    throw caught;
  }
}
