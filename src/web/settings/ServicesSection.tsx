/**
 * Services (owner): name, duration, buffers, price, online booking and its mode. Archived services
 * take no new bookings; booked appointments keep them.
 * Reads and writes through ./api.ts and the shared ../clinic/api.ts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ServiceRequestSchema, ServiceUpdateSchema } from "../../core/api/scheduling";
import { ApiError } from "../api/client";
import { clinicKeys, type Service, servicesQuery } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Empty, Loading, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { archivedServicesQuery, settingsApi } from "./api";
import styles from "./Settings.module.css";

function price(s: Service): string {
  if (s.priceCents === null) return "No price shown";
  return new Intl.NumberFormat("en-US", { style: "currency", currency: s.currency }).format(
    s.priceCents / 100,
  );
}

export function ServicesSection() {
  const queryClient = useQueryClient();
  const active = useQuery(servicesQuery);
  const archived = useQuery(archivedServicesQuery);
  const [editing, setEditing] = useState<Service | "new" | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: clinicKeys.services });
  const restore = useMutation({
    mutationFn: (id: string) => settingsApi.updateService(id, { active: true }),
    onSuccess: refresh,
  });

  if (active.isPending) return <Loading />;
  return (
    <>
      <Card flush title="Services">
        <div className="kw-table-wrap">
          <table className={cx(styles.settingsTable, "kw-table")}>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Length</th>
                <th scope="col">Price</th>
                <th scope="col">Online</th>
                <th scope="col">
                  <span className="kw-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(active.data ?? []).map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.name}</strong>
                    {s.kind === "consultation" ? <span className="kw-muted"> · first visit</span> : null}
                  </td>
                  <td>
                    {s.durationMin} min
                    {s.bufferBeforeMin || s.bufferAfterMin ? (
                      <span className="kw-muted">
                        {" "}
                        (+{s.bufferBeforeMin}/{s.bufferAfterMin} buffer)
                      </span>
                    ) : null}
                  </td>
                  <td>{price(s)}</td>
                  <td>
                    {!s.bookableOnline
                      ? "Phone only"
                      : s.bookingMode === "instant"
                        ? "Instant booking"
                        : "Request, staff confirm"}
                  </td>
                  <td className={styles.settingsActions}>
                    <Button variant="secondary" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                      Edit
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className={styles.settingsFoot}>
          <Button onClick={() => setEditing("new")}>Add a service</Button>
        </div>
      </Card>
      {(archived.data ?? []).length > 0 ? (
        <Card flush title="Archived services">
          <ul className="kw-list">
            {(archived.data ?? []).map((s) => (
              <li key={s.id} className="kw-row">
                <span>{s.name}</span>
                <span className="kw-spacer" />
                <Button variant="ghost" disabled={restore.isPending} onClick={() => restore.mutate(s.id)}>
                  Restore<span className="kw-visually-hidden"> {s.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Dialog open={editing !== null} onClose={() => setEditing(null)}>
        {editing ? (
          <ServiceForm
            service={editing === "new" ? null : editing}
            onDone={() => {
              refresh();
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>
      {active.data?.length === 0 ? <Empty>No services yet.</Empty> : null}
    </>
  );
}

function ServiceForm({ service, onDone }: { service: Service | null; onDone(): void }) {
  const ids = { kind: useId(), mode: useId(), description: useId() };
  const archive = useMutation({
    mutationFn: () => settingsApi.archiveService(service?.id ?? ""),
    onSuccess: onDone,
  });
  const form = useZodForm({
    // A new service is checked in full; an edit sends the same fields, each of which may change.
    schema: service ? ServiceUpdateSchema : ServiceRequestSchema,
    fields: ["name", "description", "durationMin", "bufferBeforeMin", "bufferAfterMin", "priceCents"],
    read: (data) => {
      const text = (name: string) => String(data.get(name) ?? "").trim();
      // A blank number box is "missing" (the check says so), not 0.
      const number = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
      const price = text("price");
      const mode = text("mode");
      return {
        name: text("name"),
        kind: text("kind"),
        description: text("description"),
        durationMin: number("durationMin"),
        bufferBeforeMin: number("bufferBeforeMin") ?? 0,
        bufferAfterMin: number("bufferAfterMin") ?? 0,
        priceCents: price === "" ? null : Math.round(Number(price) * 100),
        bookableOnline: mode !== "phone",
        bookingMode: mode === "instant" ? "instant" : "request",
      };
    },
    send: async (body) => {
      await (service ? settingsApi.updateService(service.id, body) : settingsApi.addService(body));
      onDone();
    },
  });
  const fieldError = (name: string) => form.error(name);
  const archiveError = archive.error instanceof ApiError ? archive.error.message : null;

  const mode = !service ? "request" : !service.bookableOnline ? "phone" : service.bookingMode;

  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      <DialogHeader title={service ? `Edit ${service.name}` : "Add a service"} />
      <TextField
        label="Name"
        name="name"
        defaultValue={service?.name ?? ""}
        required
        error={fieldError("name")}
      />
      <div className="kw-field">
        <label htmlFor={ids.description}>Description (shown to clients)</label>
        <textarea
          id={ids.description}
          name="description"
          className="kw-input kw-textarea"
          rows={2}
          defaultValue={service?.description ?? ""}
        />
      </div>
      <div className={cx(styles.settingsGrid, styles.settingsGridNarrow)}>
        <TextField
          label="Length (minutes)"
          name="durationMin"
          type="number"
          min={5}
          max={480}
          defaultValue={service?.durationMin ?? 60}
          error={fieldError("durationMin")}
        />
        <TextField
          label="Buffer before (min)"
          name="bufferBeforeMin"
          type="number"
          min={0}
          max={240}
          defaultValue={service?.bufferBeforeMin ?? 0}
          error={fieldError("bufferBeforeMin")}
        />
        <TextField
          label="Buffer after (min)"
          name="bufferAfterMin"
          type="number"
          min={0}
          max={240}
          defaultValue={service?.bufferAfterMin ?? 15}
          error={fieldError("bufferAfterMin")}
        />
        <TextField
          label="Price (USD, blank = not shown)"
          name="price"
          type="number"
          min={0}
          step="0.01"
          defaultValue={service?.priceCents == null ? "" : (service.priceCents / 100).toFixed(2)}
          error={fieldError("priceCents")}
        />
      </div>
      <div className={cx(styles.settingsGrid, styles.settingsGridNarrow)}>
        <div className="kw-field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} name="kind" className="kw-input" defaultValue={service?.kind ?? "session"}>
            <option value="session">Session</option>
            <option value="consultation">Consultation (first visit)</option>
          </select>
        </div>
        <div className="kw-field">
          <label htmlFor={ids.mode}>Online booking</label>
          <select id={ids.mode} name="mode" className="kw-input" defaultValue={mode}>
            <option value="instant">Instant (first visits still need confirming)</option>
            <option value="request">Request, staff confirm</option>
            <option value="phone">Not online: phone only</option>
          </select>
        </div>
      </div>
      <div aria-live="polite">
        {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        {archiveError ? <Alert tone="danger">{archiveError}</Alert> : null}
      </div>
      <DialogActions>
        <Button type="submit" disabled={form.busy}>
          {form.busy ? "Saving…" : service ? "Save service" : "Add service"}
        </Button>
        {service ? (
          <Button variant="ghost" disabled={archive.isPending} onClick={() => archive.mutate()}>
            Archive
          </Button>
        ) : null}
      </DialogActions>
    </form>
  );
}
