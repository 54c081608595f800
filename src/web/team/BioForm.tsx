/**
 * A therapist's short bio, shown on the clinic's public page (PUT /api/staff/therapists/:id/bio):
 * the owner edits anyone's here; the server lets a therapist edit only their own.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { THERAPIST_BIO_MAX, UpdateTherapistBioRequestSchema } from "../../core/api/clinic";
import { therapistBioMutation, therapistsQuery } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, TextAreaField } from "../ui/components";

export function BioForm({ therapistId, name }: { therapistId: string; name: string }) {
  const queryClient = useQueryClient();
  const therapists = useQuery(therapistsQuery);
  const save = useMutation(therapistBioMutation(queryClient));
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: UpdateTherapistBioRequestSchema,
    fields: ["bio"],
    read: (data) => {
      setSaved(false);
      return { bio: String(data.get("bio") ?? "") };
    },
    send: async (body) => {
      await save.mutateAsync({ therapistId, bio: body.bio });
      setSaved(true);
    },
  });
  if (therapists.isPending) return null;
  const current = therapists.data?.find((t) => t.id === therapistId)?.bio ?? "";
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      <TextAreaField
        label={`Public bio of ${name}`}
        name="bio"
        rows={3}
        hint={`One or two sentences for the clinic's public page (up to ${THERAPIST_BIO_MAX} characters).`}
        defaultValue={current}
        error={form.error("bio")}
      />
      <div aria-live="polite">
        {saved ? <Alert tone="info">Bio saved.</Alert> : null}
        {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save bio"}
        </Button>
      </div>
    </form>
  );
}
