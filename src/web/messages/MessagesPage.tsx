/** `/app/messages`: the client's message centre, or the staff's overview of the clinic's messages. */
import { useSession } from "../auth/session";
import { Loading } from "../ui/components";
import { ClientMessages } from "./ClientMessages";
import { StaffMessages } from "./StaffMessages";

export default function MessagesPage() {
  const { context } = useSession();
  if (!context) return <Loading />;
  return context.role === "client" ? (
    <ClientMessages context={context} />
  ) : (
    <StaffMessages context={context} />
  );
}
