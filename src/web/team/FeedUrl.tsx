import { useState } from "react";
import { ApiError, post } from "../api/client";
import { Alert, Button } from "../ui/components";
import styles from "./team.module.css";

/**
 * A therapist's private calendar feed. The server keeps only the token's hash, so the URL can be
 * read once, right after it is issued; issuing a new one stops the old one working.
 */
export function FeedUrl({ therapistId, name }: { therapistId: string; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function issue() {
    setBusy(true);
    setError(null);
    try {
      setUrl((await post<{ url: string }>(`/api/clinic/therapists/${therapistId}/feed-url`)).url);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not issue a feed URL.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="kw-stack">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {url ? (
        <Alert>
          {name}'s calendar feed. Copy it now: it is shown only this once.
          <code className={styles.url}>{url}</code>
        </Alert>
      ) : null}
      <div className={styles.actions}>
        <Button variant="secondary" onClick={issue} disabled={busy}>
          {url ? "Issue another feed URL" : "New calendar feed URL"}
        </Button>
      </div>
      <p className="kw-muted">Issuing a new URL stops any earlier one for {name} from working.</p>
    </div>
  );
}
