/**
 * The owner's consent text (F5): edit the clinic's wording and publish it as the next version. Every
 * client is then asked to sign again, so publishing says so before it happens.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { ConsentDocumentSchema, ConsentUpdate } from "../../core/api/intake";
import { ApiError, api, get } from "../api/client";
import { Alert, Button, Card, Loading, PageHeader, TextField } from "../ui/components";
import styles from "./Consent.module.css";

type ConsentText = z.infer<typeof ConsentDocumentSchema>;

export default function ConsentEditor() {
  const query = useQuery({ queryKey: ["consent"], queryFn: () => get<ConsentText>("/api/consent") });
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
  const publish = useMutation({
    mutationFn: () => api<ConsentText>("PUT", "/api/consent", draft),
    onSuccess: (document) => {
      queryClient.setQueryData(["consent"], document);
      onPublished(document.version);
    },
  });
  const setSection = (index: number, patch: Partial<ConsentUpdate["sections"][number]>) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  const error = publish.error instanceof ApiError ? publish.error : null;
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Consent form"
        description={`Version ${current.version} is in use since ${current.effectiveDate}. Publishing your changes makes version ${current.version + 1}, and every client is asked to sign again.`}
      />
      <form className={styles.consentEditor} onSubmit={submit} noValidate>
        <Card>
          <TextField
            label="Title"
            value={draft.title}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            error={error?.field === "title" ? error.message : null}
          />
        </Card>
        {draft.sections.map((section, index) => (
          // Sections have no identity until published: their position is their name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Card key={index} title={`Section ${index + 1}`} headingLevel={2}>
            <TextField
              label="Heading"
              value={section.heading}
              maxLength={200}
              onChange={(e) => setSection(index, { heading: e.target.value })}
              error={error?.field === `sections[${index}].heading` ? error.message : null}
            />
            <div className="kw-field">
              <label htmlFor={`kw-consent-body-${index}`}>Text</label>
              <textarea
                id={`kw-consent-body-${index}`}
                className="kw-input kw-textarea"
                rows={4}
                maxLength={5000}
                value={section.body}
                onChange={(e) => setSection(index, { body: e.target.value })}
              />
              {error?.field === `sections[${index}].body` ? (
                <span className="kw-field__error">{error.message}</span>
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
              className="kw-input kw-textarea"
              rows={3}
              maxLength={1000}
              value={draft.agreement}
              onChange={(e) => setDraft({ ...draft, agreement: e.target.value })}
            />
            {error?.field === "agreement" ? <span className="kw-field__error">{error.message}</span> : null}
          </div>
        </Card>
        {error &&
        !["title", "agreement"].includes(error.field ?? "") &&
        !error.field?.startsWith("sections[") ? (
          <Alert tone="danger">{error.message}</Alert>
        ) : null}
        <button type="submit" className="kw-button kw-button--primary" disabled={publish.isPending}>
          {publish.isPending ? "Publishing…" : `Publish as version ${current.version + 1}`}
        </button>
      </form>
    </>
  );
}
