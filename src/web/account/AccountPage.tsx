/**
 * Your account, for every role: name, e-mail (a new address applies once its link is opened) and
 * phone; the password (the current one is needed, other sessions end); and two-factor sign-in.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { UpdateProfileRequestSchema } from "../../core/api/account";
import { ChangePasswordRequestSchema } from "../../core/api/auth";
import { useSession } from "../auth/session";
import { RecoveryCodeList } from "../auth/TwoFactorSetupPage";
import { twoFactorApi } from "../auth/two-factor-api";
import { useZodForm } from "../forms/useZodForm";
import { Alert, Button, ButtonLink, Card, Loading, PageHeader, TextField } from "../ui/components";
import styles from "./Account.module.css";
import { accountQuery, changePassword, newRecoveryCodes, twoFactorStatusQuery, updateProfile } from "./api";

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

function ProfileCard() {
  const queryClient = useQueryClient();
  const { adopt } = useSession();
  const account = useQuery(accountQuery);
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: UpdateProfileRequestSchema,
    fields: ["name", "email", "phone"],
    read: (data) => ({
      name: text(data, "name"),
      email: text(data, "email"),
      phone: text(data, "phone").trim() || undefined,
    }),
    send: async (body) => {
      setSaved(false);
      queryClient.setQueryData(accountQuery.queryKey, await updateProfile(body));
      // The name in the shell's user menu comes from the session.
      adopt(await twoFactorApi.session());
      setSaved(true);
    },
    fallback: "Saving failed. Please try again.",
  });
  if (!account.data) return <Loading />;
  const { name, email, phone, pendingEmail } = account.data;
  return (
    <Card title="Profile">
      <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
        {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        {saved ? <Alert tone="info">Saved.</Alert> : null}
        {pendingEmail ? (
          <Alert tone="info">
            We sent a link to {pendingEmail}. Your e-mail changes once you open it; until then you sign in
            with {email}.
          </Alert>
        ) : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          defaultValue={name}
          required
          error={form.error("name")}
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={email}
          hint="A new address is used once you open the link we send to it."
          required
          error={form.error("email")}
        />
        <TextField
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={phone ?? ""}
          error={form.error("phone")}
        />
        <div>
          <Button type="submit" disabled={form.busy}>
            {form.busy ? "Saving…" : "Save profile"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function PasswordCard() {
  const [done, setDone] = useState(false);
  const form = useZodForm({
    schema: ChangePasswordRequestSchema,
    fields: ["currentPassword", "newPassword"],
    read: (data) => ({
      currentPassword: text(data, "currentPassword"),
      newPassword: text(data, "newPassword"),
    }),
    send: async (body) => {
      setDone(false);
      await changePassword(body);
      setDone(true);
    },
    fallback: "Changing the password failed. Please try again.",
  });
  return (
    <Card title="Password">
      <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
        {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        {done ? <Alert tone="info">Password changed. You were signed out everywhere else.</Alert> : null}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={form.error("currentPassword")}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short sentence works well."
          required
          error={form.error("newPassword")}
        />
        <div>
          <Button type="submit" disabled={form.busy}>
            {form.busy ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TwoFactorCard() {
  const status = useQuery(twoFactorStatusQuery);
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status.data) return <Loading />;
  const { enrolled, required, recoveryCodesLeft } = status.data;
  return (
    <Card title="Two-factor sign-in">
      {enrolled ? (
        <div className="kw-stack">
          <p>
            <strong>On.</strong> Each sign-in asks for a code from your authenticator app. {recoveryCodesLeft}{" "}
            of 10 recovery codes left.
          </p>
          {codes ? (
            <>
              <Alert tone="warning">
                Your new recovery codes; the old ones no longer work. They are shown only now.
              </Alert>
              <RecoveryCodeList codes={codes} />
            </>
          ) : null}
          <div>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void newRecoveryCodes()
                  .then((answer) => {
                    setCodes(answer.recoveryCodes);
                    void queryClient.invalidateQueries({ queryKey: twoFactorStatusQuery.queryKey });
                  })
                  .finally(() => setBusy(false));
              }}
            >
              New recovery codes
            </Button>
          </div>
        </div>
      ) : (
        <div className="kw-stack">
          <p>
            A code from an app on your phone, asked for after your password, keeps a stolen password from
            opening your account.
            {required ? " Your clinic requires it for staff." : ""}
          </p>
          <div>
            <ButtonLink to="/two-factor/setup?next=/app/account">Set up two-factor</ButtonLink>
          </div>
        </div>
      )}
    </Card>
  );
}

export default function AccountPage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const emailChanged = params.get("emailChanged");
  if (!session) return <Loading />;
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${session.user.email}`} />
      {emailChanged === "1" ? <Alert tone="info">Your new e-mail address is confirmed.</Alert> : null}
      {emailChanged === "0" ? (
        <Alert tone="warning">That confirmation link is not valid any more. Ask for the change again.</Alert>
      ) : null}
      <div className={styles.grid}>
        <ProfileCard />
        <div className={styles.column}>
          <PasswordCard />
          <TwoFactorCard />
        </div>
      </div>
    </>
  );
}
