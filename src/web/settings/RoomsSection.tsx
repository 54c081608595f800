/**
 * Rooms (owner): add, rename, archive and restore. A session needs a free room and a free therapist.
 * API: GET /api/clinic/rooms(+/archived), POST /api/clinic/rooms, PATCH/DELETE /api/clinic/rooms/:id.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { AdminRoomSchema } from "../../core/api/scheduling";
import { ApiError, api, get, patch, post } from "../api/client";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Settings.module.css";

type Room = z.infer<typeof AdminRoomSchema>;

export function RoomsSection() {
  const queryClient = useQueryClient();
  const active = useQuery({ queryKey: ["clinic", "rooms"], queryFn: () => get<Room[]>("/api/clinic/rooms") });
  const archived = useQuery({
    queryKey: ["clinic", "rooms", "archived"],
    queryFn: () => get<Room[]>("/api/clinic/rooms/archived"),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["clinic", "rooms"] });
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Room> }) =>
      patch<Room>(`/api/clinic/rooms/${id}`, body),
    onSuccess: refresh,
  });
  const archive = useMutation({
    mutationFn: (id: string) => api<Room>("DELETE", `/api/clinic/rooms/${id}`),
    onSuccess: refresh,
  });
  const add = useMutation({
    mutationFn: (name: string) => post<Room>("/api/clinic/rooms", { name }),
    onSuccess: refresh,
  });
  const [renaming, setRenaming] = useState<string | null>(null);
  const error = [change.error, archive.error, add.error].find((e) => e instanceof ApiError) as
    | ApiError
    | undefined;

  if (active.isPending) return <Loading />;
  return (
    <>
      <Card flush title="Rooms">
        <ul className="kw-list">
          {(active.data ?? []).map((room) =>
            renaming === room.id ? (
              <li key={room.id}>
                <form
                  className="kw-row"
                  onSubmit={(event: FormEvent<HTMLFormElement>) => {
                    event.preventDefault();
                    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
                    change.mutate({ id: room.id, body: { name } }, { onSuccess: () => setRenaming(null) });
                  }}
                >
                  <TextField
                    label={`New name for ${room.name}`}
                    name="name"
                    defaultValue={room.name}
                    autoFocus
                  />
                  <Button type="submit" disabled={change.isPending}>
                    Save
                  </Button>
                  <Button variant="ghost" onClick={() => setRenaming(null)}>
                    Cancel
                  </Button>
                </form>
              </li>
            ) : (
              <li key={room.id} className="kw-row">
                <strong>{room.name}</strong>
                <span className="kw-spacer" />
                <Button variant="secondary" onClick={() => setRenaming(room.id)}>
                  Rename<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
                <Button variant="ghost" disabled={archive.isPending} onClick={() => archive.mutate(room.id)}>
                  Archive<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
              </li>
            ),
          )}
        </ul>
        <form
          className={cx(styles.settingsFoot, "kw-row")}
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const formEl = event.currentTarget;
            const name = String(new FormData(formEl).get("name") ?? "").trim();
            add.mutate(name, { onSuccess: () => formEl.reset() });
          }}
        >
          <TextField label="Add a room" name="name" placeholder="e.g. Willow room" />
          <Button type="submit" disabled={add.isPending}>
            Add room
          </Button>
        </form>
      </Card>
      {error ? <Alert tone="danger">{error.message}</Alert> : null}
      {(archived.data ?? []).length > 0 ? (
        <Card flush title="Archived rooms">
          <ul className="kw-list">
            {(archived.data ?? []).map((room) => (
              <li key={room.id} className="kw-row">
                <span>{room.name}</span>
                <span className="kw-spacer" />
                <Button
                  variant="ghost"
                  disabled={change.isPending}
                  onClick={() => change.mutate({ id: room.id, body: { active: true } })}
                >
                  Restore<span className="kw-visually-hidden"> {room.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
