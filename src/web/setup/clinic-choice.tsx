/**
 * Which clinic a public page (sign-up, booking) is for: the one its URL names (`/c/SLUG/...`), else
 * the installation's default (`GET /api/public/default-clinic`: the configured or the only clinic).
 * When there is none, `NoClinicChosen` asks for the clinic's own link instead of guessing.
 */
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import type { DefaultClinicSchema } from "../../core/api/setup";
import { ApiError, get } from "../api/client";
import { Button, Card, TextField } from "../ui/components";

type DefaultClinic = z.infer<typeof DefaultClinicSchema>;

export type ClinicChoice =
  | { state: "loading" }
  | { state: "chosen"; slug: string }
  | { state: "none"; setupNeeded: boolean }
  | { state: "error"; message: string };

/** `slug` is what the URL (or the signed-in client's own clinic) says; null asks the server for the default. */
export function useClinicChoice(slug: string | null): ClinicChoice {
  const [fallback, setFallback] = useState<ClinicChoice>({ state: "loading" });
  useEffect(() => {
    if (slug) return;
    let live = true;
    get<DefaultClinic>("/api/public/default-clinic")
      .then((answer) => {
        if (!live) return;
        setFallback(
          answer.clinic
            ? { state: "chosen", slug: answer.clinic.slug }
            : { state: "none", setupNeeded: answer.setupNeeded },
        );
      })
      .catch((error: unknown) => {
        if (live)
          setFallback({
            state: "error",
            message: error instanceof ApiError ? error.message : "Could not load the clinic.",
          });
      });
    return () => {
      live = false;
    };
  }, [slug]);
  return slug ? { state: "chosen", slug } : fallback;
}

/** The path of a public page at one clinic, e.g. `/c/maple/book`. */
export function clinicPath(slug: string, page: "book" | "sign-up"): string {
  return `/c/${encodeURIComponent(slug)}/${page}`;
}

/** Shown on `/book` and `/sign-up` when the installation has several clinics and no default, or none yet. */
export function NoClinicChosen({ page, setupNeeded }: { page: "book" | "sign-up"; setupNeeded: boolean }) {
  const [address, setAddress] = useState("");
  const navigate = useNavigate();
  if (setupNeeded) {
    return (
      <Card title="No clinic here yet">
        <p>
          This Knotwork installation has not been set up. Whoever runs it opens{" "}
          <Link to="/setup">the set-up page</Link> with the token from the server log, or runs{" "}
          <code style={{ whiteSpace: "nowrap" }}>npx knotwork setup</code>.
        </p>
      </Card>
    );
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const slug = address.trim().toLowerCase();
    // A full link pasted in works too: keep what follows /c/.
    const fromLink = /\/c\/([^/?#]+)/.exec(slug)?.[1];
    if (slug) navigate(clinicPath(fromLink ?? slug, page));
  }
  return (
    <Card title="Which clinic?">
      <p>
        Several clinics use this site. Use the link your clinic gave you, which looks like{" "}
        <code>/c/your-clinic/{page}</code>, or enter your clinic's address below.
      </p>
      <form className="kw-stack" onSubmit={onSubmit}>
        <TextField
          label="Clinic address or link"
          name="clinic"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          autoCapitalize="none"
          autoCorrect="off"
          required
        />
        <Button type="submit">Continue</Button>
      </form>
    </Card>
  );
}
