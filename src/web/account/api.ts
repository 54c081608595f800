/** The signed-in person's own account, as the account page reads and changes it. */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Account,
  RecoveryCodes,
  TwoFactorStatus,
  UpdateProfileRequestSchema,
} from "../../core/api/account";
import type { ChangePasswordRequestSchema } from "../../core/api/auth";
import { get, patch, post } from "../api/client";

export const accountKeys = {
  account: ["account"] as const,
  twoFactor: ["account", "two-factor"] as const,
};

export const accountQuery = queryOptions({
  queryKey: accountKeys.account,
  queryFn: () => get<Account>("/api/account"),
});

export const twoFactorStatusQuery = queryOptions({
  queryKey: accountKeys.twoFactor,
  queryFn: () => get<TwoFactorStatus>("/api/auth/two-factor"),
});

export const updateProfile = (body: z.output<typeof UpdateProfileRequestSchema>) =>
  patch<Account>("/api/account", body);

export const changePassword = (body: z.output<typeof ChangePasswordRequestSchema>) =>
  post<{ ok: true }>("/api/auth/password", body);

export const newRecoveryCodes = () => post<RecoveryCodes>("/api/auth/two-factor/recovery-codes");
