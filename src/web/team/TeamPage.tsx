import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { InvitationSchema } from "../../core/api/clinic";
import { ROLE_LABELS } from "../../core/api/roles";
import { ApiError, post } from "../api/client";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { useSession } from "../auth/session";
import { Alert, Button, Card, Loading, PageHeader, TextField } from "../ui/components";
import { staffQuery } from "./api";

type Invitation = z.infer<typeof InvitationSchema>;

function InviteForm() {
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
        role: String(form.get("role") ?? "therapist"),
      });
      setResult(invitation);
      formElement.reset();
      await queryClient.invalidateQueries({ queryKey: ["staff"] });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not send the invitation.");
    }
  }
  return (
    <Card title="Invite a team member">
      <form className="kw-stack" onSubmit={onSubmit} noValidate>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {result ? (
          <Alert>
            Invitation sent to {result.email}. They can also use this link:{" "}
            <code style={{ wordBreak: "break-all" }}>{result.acceptUrl}</code>
          </Alert>
        ) : null}
        <TextField label="Name" name="name" required />
        <TextField label="E-mail" name="email" type="email" required />
        <div className="kw-field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" className="kw-input" defaultValue="therapist">
            <option value="therapist">Therapist</option>
            <option value="front_desk">Front desk</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <Button type="submit">Send invitation</Button>
      </form>
    </Card>
  );
}

export default function TeamPage() {
  const { context } = useSession();
  const staff = useQuery(staffQuery);
  return (
    <>
      <PageHeader title="Team" description="Who works at the clinic, and in which role." />
      <div className="kw-grid kw-grid--wide">
        <Card title="Staff" flush>
          {staff.isPending ? (
            <Loading />
          ) : (
            <ul className="kw-list">
              {(staff.data ?? []).map((m) => (
                <li key={m.userId} className="kw-row">
                  <span className={appointmentsStyles.apptWho}>{m.name}</span>
                  <span className="kw-muted">{m.email}</span>
                  <span className="kw-spacer" />
                  <span className="kw-badge kw-badge--neutral">{ROLE_LABELS[m.role]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {context?.role === "owner" ? <InviteForm /> : null}
      </div>
    </>
  );
}
