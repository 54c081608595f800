/** The two-factor calls, apart from ./api.ts so the two-factor pages do not pull in sign-up. */
import type { RecoveryCodes, TwoFactorEnrolment } from "../../core/api/account";
import type { SessionResponse } from "../../core/api/auth";
import { get, post } from "../api/client";

export const twoFactorApi = {
  startTwoFactor: () => post<TwoFactorEnrolment>("/api/auth/two-factor/enrol"),
  confirmTwoFactor: (code: string) => post<RecoveryCodes>("/api/auth/two-factor/confirm", { code }),
  verifyTwoFactor: (code: string) => post<SessionResponse>("/api/auth/two-factor/verify", { code }),
  session: () => get<SessionResponse>("/api/auth/session"),
};
