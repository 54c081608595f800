/**
 * Rooms (owner): add, rename, archive and restore. A session needs a free room and a free therapist.
 * Names are unique in a clinic whatever their case (the server refuses a taken one, beside the
 * field). Archiving a room with bookings still to come first shows them and asks.
 * Reads and writes through ./api.ts and the shared ../clinic/api.ts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RoomRequestSchema, RoomUpdateSchema } from "../../core/api/scheduling";
import { ApiError } from "../api/client";
import { formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import { useSession } from "../auth/session";
import { clinicKeys, type Room, roomsQuery } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Loading, StatusBadge, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { archivedRoomsQuery, roomUpcomingQuery, settingsApi } from "./api";
import styles from "./Settings.module.css";

function useRefreshRooms() {
  const queryClient = useQueryClient();
  // Active and archived lists, and any room's upcoming bookings, all start with ["clinic", "rooms"].
  return () => void queryClient.invalidateQueries({ queryKey: clinicKeys.rooms });
}

function AddRoomForm() {
  const refresh = useRefreshRooms();
  // A new form (and so an empty box) once the room exists: remounting cannot miss, where clearing
  // the submitted element by hand did when the list re-rendered around it.
  const [added, setAdded] = useState(0);
  const form = useZodForm({
    schema: RoomRequestSchema,
    fields: ["name"],
    read: (data) => ({ name: String(data.get("name") ?? "") }),
    send: async (body) => {
      await settingsApi.addRoom(body.name);
      setAdded((n) => n + 1);
      refresh();
    },
  });
  return (
    <form
      key={added}
      className={cx(styles.settingsFoot, "kw-row")}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      noValidate
    >
      <TextField label="Add a room" name="name" placeholder="e.g. Willow room" error={form.error("name")} />
      <Button type="submit" disabled={form.busy}>
        Add room
      </Button>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
    </form>
  );
}

function RenameRoomForm({ room, onDone }: { room: Room; onDone: () => void }) {
  const refresh = useRefreshRooms();
  const form = useZodForm({
    schema: RoomUpdateSchema,
    fields: ["name"],
    read: (data) => ({ name: String(data.get("name") ?? "") }),
    send: async (body) => {
      await settingsApi.updateRoom(room.id, body);
      refresh();
      onDone();
    },
  });
  return (
    <form className="kw-row" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      <TextField
        label={`New name for ${room.name}`}
        name="name"
        defaultValue={room.name}
        autoFocus
        error={form.error("name")}
      />
      <Button type="submit" disabled={form.busy}>
        Save
      </Button>
      <Button variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
    </form>
  );
}

/** Asks before archiving: lists what is still booked in the room (those bookings keep it). */
function ArchiveRoomDialog({ room, onClose }: { room: Room | null; onClose: () => void }) {
  return (
    <Dialog open={room !== null} onClose={onClose}>
      {room ? <ArchiveRoomQuestion room={room} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ArchiveRoomQuestion({ room, onClose }: { room: Room; onClose: () => void }) {
  const { context } = useSession();
  const zone = context?.timeZone ?? "UTC";
  const refresh = useRefreshRooms();
  const upcoming = useQuery(roomUpcomingQuery(room.id));
  const archive = useMutation({
    mutationFn: () => settingsApi.archiveRoom(room.id),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const count = upcoming.data?.count ?? 0;
  const when = (iso: string) =>
    `${formatLocalDay(localDateOf(iso, zone), "short")}, ${formatClock(iso, zone)}`;
  return (
    <div className="kw-stack">
      <DialogHeader
        title={`Archive ${room.name}?`}
        description="No new bookings will use it. You can restore it later."
      />
      {upcoming.isPending ? (
        <Loading label="Checking what is booked there…" />
      ) : upcoming.isError ? (
        <Alert tone="danger">Could not check what is booked in this room. Try again.</Alert>
      ) : count === 0 ? (
        <p>Nothing is booked in {room.name} from now on.</p>
      ) : (
        <>
          <Alert tone="warning">
            {count === 1 ? "1 appointment is" : `${count} appointments are`} still booked in {room.name}. They
            keep the room: move them first if it will not be usable.
          </Alert>
          <ul className="kw-list" aria-label={`Booked in ${room.name}`}>
            {(upcoming.data?.appointments ?? []).map((a) => (
              <li key={a.id} className="kw-row">
                <span>
                  <strong>{when(a.startsAt)}</strong> · {a.clientName} with {a.therapistName}
                  <span className="kw-muted"> · {a.serviceName}</span>
                </span>
                <span className="kw-spacer" />
                <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
          {count > (upcoming.data?.appointments.length ?? 0) ? (
            <p className="kw-muted">and {count - (upcoming.data?.appointments.length ?? 0)} more.</p>
          ) : null}
        </>
      )}
      {archive.error ? (
        <Alert tone="danger">
          {archive.error instanceof ApiError ? archive.error.message : "Could not archive the room."}
        </Alert>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Keep it
        </Button>
        <button
          type="button"
          className="kw-button kw-button--danger"
          disabled={upcoming.isPending || upcoming.isError || archive.isPending}
          onClick={() => archive.mutate()}
        >
          {count > 0 ? `Archive anyway` : "Archive"}
        </button>
      </DialogActions>
    </div>
  );
}

export function RoomsSection() {
  const refresh = useRefreshRooms();
  const active = useQuery(roomsQuery);
  const archived = useQuery(archivedRoomsQuery);
  const restore = useMutation({
    mutationFn: (id: string) => settingsApi.updateRoom(id, { active: true }),
    onSuccess: refresh,
  });
  const [renaming, setRenaming] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Room | null>(null);

  if (active.isPending) return <Loading />;
  return (
    <>
      <Card flush title="Rooms">
        <ul className="kw-list">
          {(active.data ?? []).map((room) =>
            renaming === room.id ? (
              <li key={room.id}>
                <RenameRoomForm room={room} onDone={() => setRenaming(null)} />
              </li>
            ) : (
              <li key={room.id} className="kw-row">
                <strong>{room.name}</strong>
                <span className="kw-spacer" />
                <Button variant="secondary" onClick={() => setRenaming(room.id)}>
                  Rename<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
                <Button variant="ghost" onClick={() => setArchiving(room)}>
                  Archive<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
              </li>
            ),
          )}
        </ul>
        <AddRoomForm />
      </Card>
      {restore.error instanceof ApiError ? <Alert tone="danger">{restore.error.message}</Alert> : null}
      {(archived.data ?? []).length > 0 ? (
        <Card flush title="Archived rooms">
          <ul className="kw-list">
            {(archived.data ?? []).map((room) => (
              <li key={room.id} className="kw-row">
                <span>{room.name}</span>
                <span className="kw-spacer" />
                <Button variant="ghost" disabled={restore.isPending} onClick={() => restore.mutate(room.id)}>
                  Restore<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <ArchiveRoomDialog room={archiving} onClose={() => setArchiving(null)} />
    </>
  );
}
