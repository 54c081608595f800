import { useNavigate, useParams } from "react-router";
import { useZodForm } from "../forms";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { authApi } from "./api";
import { lazySchema } from "./lazy-schema";
import { useSession } from "./session";

const AcceptInvitationRequestSchema = lazySchema(() =>
  import("../../core/api/auth").then((m) => m.AcceptInvitationRequestSchema),
);
export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const form = useZodForm({
    schema: AcceptInvitationRequestSchema,
    fields: ["password"],
    read: (data) => ({ token, password: String(data.get("password") ?? "") }),
    send: async (body) => {
      adopt(await authApi.acceptInvitation(body));
      navigate("/app", { replace: true });
    },
    fallback: "Could not accept the invitation.",
  });

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Join your clinic</h1>
          <p className="kw-muted">Choose a password to finish setting up your staff account.</p>
          <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
            {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters."
              required
              error={form.error("password")}
            />
            <Button type="submit" block disabled={form.busy}>
              {form.busy ? "Joining…" : "Join"}
            </Button>
          </form>
        </Card>
      </div>
    </div>
  );
}

export default AcceptInvitePage;
