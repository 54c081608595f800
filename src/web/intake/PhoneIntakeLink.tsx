import { useSession } from "../auth/session";
import { ButtonLink } from "../ui/components";

/**
 * From a first visit whose intake is missing, to filling it in with the client by phone. Only the
 * owner and therapists write intake answers (the front desk does not read them), so others get
 * nothing. Small on purpose: it sits in the appointment dialog, whose chunk must not carry the form.
 */
export function PhoneIntakeLink({ clientId, missing }: { clientId: string; missing: boolean }) {
  const { context } = useSession();
  if (!missing || !context || (context.role !== "owner" && context.role !== "therapist")) return null;
  return (
    <ButtonLink variant="secondary" to={`/app/clients/${encodeURIComponent(clientId)}/intake`}>
      Fill in intake (phone)
    </ButtonLink>
  );
}
