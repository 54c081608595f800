/**
 * The owner's consent text (F5): edit the clinic's wording and publish it as the next version. Every
 * client is then asked to sign again, so publishing says so before it happens.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type ConsentUpdate, ConsentUpdateSchema } from "../../core/api/intake";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Loading, PageHeader, TextField } from "../ui/components";
import { type ConsentDocument as ConsentText, consentDocumentQuery, publishConsent } from "./api";
import styles from "./Consent.module.css";

export default function ConsentEditor() {
  const query = useQuery(consentDocumentQuery);
  const [published, setPublished] = useState<number | null>(null);
  if (query.isPending) return <Loading />;
  if (query.error) return <Alert tone="danger">Could not load the consent text.</Alert>;
  return (
    <>
      {published ? (
        <Alert tone="info">
          Published version {published}. Clients will be asked to sign it before their next visit.
        </Alert>
      ) : null}
      <Editor key={query.data.version} current={query.data} onPublished={setPublished} />
    </>
  );
}

function Editor({ current, onPublished }: { current: ConsentText; onPublished: (version: number) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConsentUpdate>({
    title: current.title,
    sections: current.sections.map(({ heading, body }) => ({ heading, body })),
    agreement: current.agreement,
  });
  // The inputs are controlled (sections come and go), so the form reads the draft, not FormData;
  // each input's name is its field's path, so editing it clears its message.
  const form = useZodForm({
    schema: ConsentUpdateSchema,
    read: () => draft,
    send: async (body) => {
      const document = await publishConsent(body);
      queryClient.setQueryData(consentDocumentQuery.queryKey, document);
      onPublished(document.version);
    },
    fallback: "Could not publish the consent text. Please try again.",
  });
  const setSection = (index: number, patch: Partial<ConsentUpdate["sections"][number]>) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Consent form"
        description={`Version ${current.version} is in use since ${current.effectiveDate}. Publishing your changes makes version ${current.version + 1}, and every client is asked to sign again.`}
      />
      <form className={styles.consentEditor} onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
        <Card>
          <TextField
            label="Title"
            name="title"
            value={draft.title}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            error={form.error("title")}
          />
        </Card>
        {draft.sections.map((section, index) => (
          // Sections have no identity until published: their position is their name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Card key={index} title={`Section ${index + 1}`} headingLevel={2}>
            <TextField
              label="Heading"
              name={`sections[${index}].heading`}
              value={section.heading}
              maxLength={200}
              onChange={(e) => setSection(index, { heading: e.target.value })}
              error={form.error(`sections[${index}].heading`)}
            />
            <div className="kw-field">
              <label htmlFor={`kw-consent-body-${index}`}>Text</label>
              <textarea
                id={`kw-consent-body-${index}`}
                name={`sections[${index}].body`}
                aria-invalid={form.error(`sections[${index}].body`) ? true : undefined}
                className="kw-input kw-textarea"
                rows={4}
                maxLength={5000}
                value={section.body}
                onChange={(e) => setSection(index, { body: e.target.value })}
              />
              {form.error(`sections[${index}].body`) ? (
                <span className="kw-field__error">{form.error(`sections[${index}].body`)}</span>
              ) : null}
            </div>
            {draft.sections.length > 1 ? (
              <Button
                variant="ghost"
                onClick={() =>
                  setDraft((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== index) }))
                }
              >
                Remove section {index + 1}
              </Button>
            ) : null}
          </Card>
        ))}
        <Button
          variant="secondary"
          onClick={() => setDraft((d) => ({ ...d, sections: [...d.sections, { heading: "", body: "" }] }))}
        >
          Add a section
        </Button>
        <Card>
          <div className="kw-field">
            <label htmlFor="kw-consent-agreement">What the client agrees to by signing</label>
            <textarea
              id="kw-consent-agreement"
              name="agreement"
              aria-invalid={form.error("agreement") ? true : undefined}
              className="kw-input kw-textarea"
              rows={3}
              maxLength={1000}
              value={draft.agreement}
              onChange={(e) => setDraft({ ...draft, agreement: e.target.value })}
            />
            {form.error("agreement") ? (
              <span className="kw-field__error">{form.error("agreement")}</span>
            ) : null}
          </div>
        </Card>
        {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        <button type="submit" className="kw-button kw-button--primary" disabled={form.busy}>
          {form.busy ? "Publishing…" : `Publish as version ${current.version + 1}`}
        </button>
      </form>
    </>
  );
}
