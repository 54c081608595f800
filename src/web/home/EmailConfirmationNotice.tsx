/**
 * Tells a client where they stand with their e-mail address: the link in a confirmation e-mail
 * lands on `/app?emailVerified=1` (or `=0` for a used or expired link), and an account whose
 * address is not confirmed yet is reminded to open that e-mail. Sign-up does not wait for it
 * (docs/decisions/0003-auth-sessions.md), so this is a reminder, not a gate.
 */
import { useSearchParams } from "react-router";
import { useSession } from "../auth/session";
import { Alert } from "../ui/components";

export function EmailConfirmationNotice() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const outcome = params.get("emailVerified");
  if (outcome === "1") return <Alert>Thank you: your e-mail address is confirmed.</Alert>;
  if (outcome === "0")
    return (
      <Alert tone="warning">
        That confirmation link has been used or has expired. If your address is still not confirmed, the
        clinic can help.
      </Alert>
    );
  if (session && !session.user.emailVerified)
    return (
      <Alert tone="info">
        Please confirm your e-mail address: we sent a link to <strong>{session.user.email}</strong>.
      </Alert>
    );
  return null;
}
