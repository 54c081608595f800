import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { InvitationSchema } from "../../core/api/clinic";
import { ApiError, post } from "../api/client";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./team.module.css";

type Invitation = z.infer<typeof InvitationSchema>;

/** A therapist on the calendar without a sign-in, whom the owner is giving one. */
export interface InviteTarget {
  therapistId: string;
  name: string;
}

/**
 * Invites a new team member, or (with `target`) gives an existing therapist a sign-in: the
 * invitation is then linked to their row, so accepting adds no second therapist.
 */
export function InviteForm({ target, onDone }: { target: InviteTarget | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<Invitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    try {
      const invitation = await post<Invitation>("/api/staff/invitations", {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        role: target ? "therapist" : String(form.get("role") ?? "therapist"),
        ...(target ? { therapistId: target.therapistId } : {}),
      });
      setResult(invitation);
      formElement.reset();
      onDone();
      await queryClient.invalidateQueries({ queryKey: ["staff"] });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not send the invitation.");
    }
  }
  return (
    <Card title={target ? `Give ${target.name} a sign-in` : "Invite a team member"}>
      <form className="kw-stack" onSubmit={onSubmit} noValidate key={target?.therapistId ?? "new"}>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {result ? (
          <Alert>
            Invitation sent to {result.email}.{" "}
            {result.existingAccount
              ? "They already have an account, so the link asks them to sign in and accept."
              : "The link lets them choose a password."}{" "}
            They can also use this link: <code className={styles.url}>{result.acceptUrl}</code>
          </Alert>
        ) : null}
        <TextField label="Name" name="name" required defaultValue={target?.name ?? ""} />
        <TextField label="E-mail" name="email" type="email" required />
        {target ? null : (
          <div className="kw-field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" name="role" className="kw-input" defaultValue="therapist">
              <option value="therapist">Therapist</option>
              <option value="front_desk">Front desk</option>
              <option value="owner">Owner</option>
            </select>
          </div>
        )}
        <Button type="submit">Send invitation</Button>
      </form>
    </Card>
  );
}
