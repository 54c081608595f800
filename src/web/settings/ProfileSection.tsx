/**
 * The clinic's public profile (docs/decisions/0025-clinic-profile.md): name, contact, time zone, the
 * texts of the public clinic page, and the logo. Saved with PATCH /api/clinic; the logo on its own
 * (PUT/DELETE /api/clinic/logo) because it is a file, not a form field.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useMemo, useState } from "react";
import {
  CLINIC_DESCRIPTION_MAX,
  CLINIC_POLICY_TEXT_MAX,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  UpdateClinicRequestSchema,
} from "../../core/api/clinic";
import { ApiError } from "../api/client";
import { clinicQuery, logoMutation, updateClinicMutation } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, ButtonLink, Card, Loading, TextAreaField, TextField } from "../ui/components";
import styles from "./Settings.module.css";

const FIELDS = [
  "name",
  "address",
  "phone",
  "email",
  "timeZone",
  "description",
  "firstVisitInfo",
  "cancellationPolicy",
] as const;

/** The zones this browser knows, with the clinic's own first so it is always a choice. */
function zoneOptions(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [current, ...all.filter((zone) => zone !== current)];
}

function text(data: FormData, name: string): string {
  return String(data.get(name) ?? "").trim();
}

export function ProfileSection() {
  const queryClient = useQueryClient();
  const clinic = useQuery(clinicQuery);
  const update = useMutation(updateClinicMutation(queryClient));
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: UpdateClinicRequestSchema,
    fields: FIELDS,
    read: (data) => {
      setSaved(false);
      const orNull = (name: string) => text(data, name) || null;
      return {
        name: text(data, "name"),
        address: orNull("address"),
        phone: orNull("phone"),
        email: orNull("email"),
        timeZone: text(data, "timeZone"),
        description: text(data, "description"),
        firstVisitInfo: text(data, "firstVisitInfo"),
        cancellationPolicy: text(data, "cancellationPolicy"),
      };
    },
    send: async (body) => {
      await update.mutateAsync(body);
      setSaved(true);
    },
  });
  const zones = useMemo(() => zoneOptions(clinic.data?.timeZone ?? "UTC"), [clinic.data?.timeZone]);
  if (clinic.isPending) return <Loading />;
  if (!clinic.data) return <Alert tone="danger">Could not load the clinic.</Alert>;
  const c = clinic.data;
  const zoneError = form.error("timeZone");

  return (
    <>
      <Card title="Clinic profile">
        <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
          <p className="kw-muted">
            Shown on your public clinic page and at the foot of the e-mails clients receive.
          </p>
          <div className={styles.settingsGrid}>
            <TextField
              label="Clinic name"
              name="name"
              defaultValue={c.name}
              error={form.error("name")}
              required
            />
            <TextField
              label="Phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              defaultValue={c.phone ?? ""}
              error={form.error("phone")}
            />
            <TextField
              label="E-mail"
              name="email"
              type="email"
              hint="The clinic's address, shown to visitors."
              defaultValue={c.email ?? ""}
              error={form.error("email")}
            />
            <div className="kw-field">
              <label htmlFor="profile-zone">Time zone</label>
              <span className="kw-field__hint" id="profile-zone-hint">
                Opening hours and appointments are in this zone.
              </span>
              <select
                id="profile-zone"
                name="timeZone"
                className="kw-input"
                defaultValue={c.timeZone}
                aria-describedby={zoneError ? "profile-zone-hint profile-zone-error" : "profile-zone-hint"}
                aria-invalid={zoneError ? true : undefined}
              >
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
              {zoneError ? (
                <span className="kw-field__error" id="profile-zone-error">
                  {zoneError}
                </span>
              ) : null}
            </div>
          </div>
          <TextAreaField
            label="Address"
            name="address"
            rows={3}
            autoComplete="street-address"
            defaultValue={c.address ?? ""}
            error={form.error("address")}
          />
          <TextAreaField
            label="About the clinic"
            name="description"
            rows={3}
            hint={`A few sentences for the public page (up to ${CLINIC_DESCRIPTION_MAX} characters).`}
            defaultValue={c.description}
            error={form.error("description")}
          />
          <TextAreaField
            label="What a first visit involves"
            name="firstVisitInfo"
            rows={4}
            hint="Left empty, the page says a first visit starts with a consultation."
            maxLength={CLINIC_POLICY_TEXT_MAX + 100}
            defaultValue={c.firstVisitInfo}
            error={form.error("firstVisitInfo")}
          />
          <TextAreaField
            label="Cancellation policy"
            name="cancellationPolicy"
            rows={3}
            hint={`In your words. Online cancelling closes ${c.policies.cancellationWindowHours} hours before (Booking policies).`}
            defaultValue={c.cancellationPolicy}
            error={form.error("cancellationPolicy")}
          />
          <div aria-live="polite">
            {saved ? <Alert tone="info">Profile saved.</Alert> : null}
            {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
          </div>
          <div className="kw-row">
            <Button type="submit" disabled={form.busy}>
              {form.busy ? "Saving…" : "Save profile"}
            </Button>
            <ButtonLink to={`/c/${encodeURIComponent(c.slug)}`} variant="ghost">
              View the public page
            </ButtonLink>
          </div>
        </form>
      </Card>
      <LogoCard logoUrl={c.logoUrl} clinicName={c.name} />
    </>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function LogoCard({ logoUrl, clinicName }: { logoUrl: string | null; clinicName: string }) {
  const queryClient = useQueryClient();
  const logo = useMutation(logoMutation(queryClient));
  const [problem, setProblem] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // The server checks the bytes again; this saves an upload that would be refused.
    if (!(LOGO_TYPES as readonly string[]).includes(file.type))
      return setProblem("Use a PNG, JPEG or WebP image.");
    if (file.size > LOGO_MAX_BYTES) return setProblem("Use an image under 200 KB.");
    setProblem(null);
    try {
      await logo.mutateAsync(await readAsDataUrl(file));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Could not upload the logo.");
    }
  }

  return (
    <Card title="Logo">
      <div className="kw-stack">
        {logoUrl ? (
          <img className={styles.logoPreview} src={logoUrl} alt={`${clinicName} logo`} />
        ) : (
          <p className="kw-muted">No logo yet: the public page shows the clinic's name.</p>
        )}
        <div className="kw-field">
          <label htmlFor="profile-logo">{logoUrl ? "Replace the logo" : "Upload a logo"}</label>
          <span className="kw-field__hint" id="profile-logo-hint">
            PNG, JPEG or WebP, under 200 KB. A wide image about 3 times as wide as it is tall looks best.
          </span>
          <input
            id="profile-logo"
            className={styles.fileInput}
            type="file"
            accept={LOGO_TYPES.join(",")}
            aria-describedby={problem ? "profile-logo-hint profile-logo-error" : "profile-logo-hint"}
            aria-invalid={problem ? true : undefined}
            onChange={onFile}
            disabled={logo.isPending}
          />
          {problem ? (
            <span className="kw-field__error" id="profile-logo-error" role="alert">
              {problem}
            </span>
          ) : null}
        </div>
        {logoUrl ? (
          <div>
            <Button variant="secondary" disabled={logo.isPending} onClick={() => logo.mutate(null)}>
              Remove the logo
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
