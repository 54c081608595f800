/**
 * The therapist's home-care editor (F7): the plan built from the muscles treated (or the saved
 * one), each item editable (title, where and how, hold, how often, stretch), removable, new items
 * added (posture, water, activity, stress, anything), rebuilt from the sessions, then saved and
 * shared. Only a shared plan reaches the client's portal and handout.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError } from "../api/client";
import { Alert, Button, Card, Loading } from "../ui/components";
import {
  clientHandoutUrl,
  clientHomeCareQuery,
  type HomeCareItemBody,
  type HomeCarePlan,
  homeCareKeys,
  saveHomeCare,
  suggestedHomeCareQuery,
} from "./api";
import styles from "./HomeCare.module.css";
import { KIND_WORDS } from "./HomeCareItems";

export function HomeCareEditor({ clientId }: { clientId: string }) {
  const plan = useQuery(clientHomeCareQuery(clientId));
  return (
    <Card title="Home care">
      {plan.isPending ? (
        <Loading />
      ) : plan.error ? (
        <Alert tone="danger">
          {plan.error instanceof ApiError ? plan.error.message : "Could not load the home-care plan."}
        </Alert>
      ) : (
        <Editor key={plan.data.updatedAt ?? "new"} clientId={clientId} plan={plan.data} />
      )}
    </Card>
  );
}

let added = 0;
/** An id for a hand-added item, unique within the plan. */
function newItemId(items: readonly HomeCareItemBody[]): string {
  let id: string;
  do id = `added:${Date.now().toString(36)}-${added++}`;
  while (items.some((i) => i.id === id));
  return id;
}

function Editor({ clientId, plan }: { clientId: string; plan: HomeCarePlan }) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<HomeCareItemBody[]>(plan.items);
  const [shared, setShared] = useState(plan.shared);
  const [dirty, setDirty] = useState(plan.id === null);
  const [rebuilding, setRebuilding] = useState(false);
  const [message, setMessage] = useState<{ tone: "info" | "danger"; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () => saveHomeCare(clientId, { items, shared }),
    onSuccess: (saved) => {
      setMessage({
        tone: "info",
        text: saved.shared ? "Saved and shared with the client." : "Saved (not shared).",
      });
      setDirty(false);
      void queryClient.invalidateQueries({ queryKey: homeCareKeys.all });
    },
    onError: (error) =>
      setMessage({ tone: "danger", text: error instanceof ApiError ? error.message : "That didn't save." }),
  });
  const update = (next: HomeCareItemBody[]) => {
    setItems(next);
    setDirty(true);
    setMessage(null);
  };
  const change = (index: number, patch: Partial<HomeCareItemBody>) =>
    update(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const rebuild = async () => {
    setRebuilding(true);
    try {
      // Built fresh from every muscle treated: the hand-added items stay.
      const built = await queryClient.fetchQuery({ ...suggestedHomeCareQuery(clientId), staleTime: 0 });
      update([...built, ...items.filter((i) => i.id.startsWith("added:"))]);
    } catch (error) {
      setMessage({ tone: "danger", text: error instanceof ApiError ? error.message : "Could not rebuild." });
    } finally {
      setRebuilding(false);
    }
  };

  return (
    <div className={styles.editor}>
      <p className="kw-muted">
        {plan.id === null
          ? "Built from the muscles treated in this client's sessions. Edit, then save and share."
          : plan.shared
            ? `Shared with the client${plan.sharedAt ? ` on ${new Date(plan.sharedAt).toLocaleDateString("en-US", { dateStyle: "medium" })}` : ""}.`
            : "Saved, not shared yet."}
      </p>
      {items.length === 0 ? <p>No items. Add one, or rebuild from the sessions.</p> : null}
      <ol className={styles.editorList}>
        {items.map((item, index) => (
          <ItemEditor
            key={item.id}
            item={item}
            onChange={(patch) => change(index, patch)}
            onRemove={() => update(items.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <div className={styles.editorActions}>
        <AddItem onAdd={(item) => update([...items, { ...item, id: newItemId(items) }])} />
        <Button variant="ghost" onClick={() => void rebuild()} disabled={rebuilding}>
          {rebuilding ? "Rebuilding…" : "Rebuild from the sessions"}
        </Button>
      </div>
      <label className={styles.editorShare}>
        <input
          type="checkbox"
          checked={shared}
          onChange={(event) => {
            setShared(event.target.checked);
            setDirty(true);
          }}
        />
        Share with the client (portal and PDF handout)
      </label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className={styles.editorActions}>
        <Button onClick={() => save.mutate()} disabled={save.isPending || !dirty}>
          {save.isPending ? "Saving…" : shared ? "Save and share" : "Save"}
        </Button>
        {plan.id !== null ? (
          <a
            className="kw-button kw-button--secondary"
            href={clientHandoutUrl(clientId)}
            download="home-care.pdf"
          >
            Handout (PDF)
          </a>
        ) : null}
      </div>
    </div>
  );
}

function ItemEditor({
  item,
  onChange,
  onRemove,
}: {
  item: HomeCareItemBody;
  onChange: (patch: Partial<HomeCareItemBody>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <li className={styles.editorItem}>
      <div className={styles.editorItemHead}>
        <span>
          <span className={styles.kind}>{KIND_WORDS[item.kind]}</span>
          <span className={styles.editorItemTitle}>{item.title}</span>
        </span>
        <span className={styles.editorItemButtons}>
          <Button
            variant="secondary"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={`${id}-form`}
          >
            {open ? "Done" : "Edit"}
          </Button>
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${item.title}`}>
            Remove
          </Button>
        </span>
      </div>
      {open ? (
        <div id={`${id}-form`} className={styles.editorFields}>
          <div className="kw-field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              className="kw-input"
              maxLength={200}
              value={item.title}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          </div>
          <div className="kw-field">
            <label htmlFor={`${id}-how`}>Where and how</label>
            <textarea
              id={`${id}-how`}
              className="kw-input kw-textarea kw-textarea--short"
              rows={3}
              maxLength={2000}
              value={item.how}
              onChange={(event) => onChange({ how: event.target.value })}
            />
          </div>
          <div className="kw-field">
            <label htmlFor={`${id}-frequency`}>How often</label>
            <input
              id={`${id}-frequency`}
              className="kw-input"
              maxLength={200}
              value={item.frequency}
              onChange={(event) => onChange({ frequency: event.target.value })}
            />
          </div>
          {item.holdSeconds ? (
            <div className={styles.editorHold}>
              <div className="kw-field">
                <label htmlFor={`${id}-hold-min`}>Hold from (s)</label>
                <input
                  id={`${id}-hold-min`}
                  className="kw-input"
                  type="number"
                  min={5}
                  max={120}
                  value={item.holdSeconds[0]}
                  onChange={(event) =>
                    onChange({ holdSeconds: [Number(event.target.value), item.holdSeconds?.[1] ?? 30] })
                  }
                />
              </div>
              <div className="kw-field">
                <label htmlFor={`${id}-hold-max`}>to (s)</label>
                <input
                  id={`${id}-hold-max`}
                  className="kw-input"
                  type="number"
                  min={5}
                  max={120}
                  value={item.holdSeconds[1]}
                  onChange={(event) =>
                    onChange({ holdSeconds: [item.holdSeconds?.[0] ?? 10, Number(event.target.value)] })
                  }
                />
              </div>
            </div>
          ) : null}
          {item.kind === "self-treatment" ? (
            <div className="kw-field">
              <label htmlFor={`${id}-stretch`}>Stretch</label>
              <textarea
                id={`${id}-stretch`}
                className="kw-input kw-textarea kw-textarea--short"
                rows={2}
                maxLength={2000}
                value={item.stretch ?? ""}
                onChange={(event) => onChange({ stretch: event.target.value || null })}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

const ADDABLE: HomeCareItemBody["kind"][] = ["posture", "hydration", "activity", "stress", "other"];

function AddItem({ onAdd }: { onAdd: (item: Omit<HomeCareItemBody, "id">) => void }) {
  const id = useId();
  const [kind, setKind] = useState<HomeCareItemBody["kind"]>("other");
  const [title, setTitle] = useState("");
  const [how, setHow] = useState("");
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add an item
      </Button>
    );
  return (
    <fieldset className={styles.editorAdd}>
      <legend>New item</legend>
      <div className="kw-field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          className="kw-input"
          value={kind}
          onChange={(event) => setKind(event.target.value as HomeCareItemBody["kind"])}
        >
          {ADDABLE.map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="kw-field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          className="kw-input"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="kw-field">
        <label htmlFor={`${id}-how`}>What to do</label>
        <textarea
          id={`${id}-how`}
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={2000}
          value={how}
          onChange={(event) => setHow(event.target.value)}
        />
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <div className={styles.editorActions}>
        <Button
          onClick={() => {
            if (title.trim() === "") {
              setProblem("Give the item a title.");
              return;
            }
            onAdd({
              kind,
              muscleId: null,
              title: title.trim(),
              tool: null,
              how: how.trim(),
              holdSeconds: null,
              frequency: "",
              stretch: null,
              cautions: [],
            });
            setTitle("");
            setHow("");
            setProblem(null);
            setOpen(false);
          }}
        >
          Add
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}
