/**
 * The client's "erase my account" card in the portal (F11). Says plainly what goes at once and what
 * the clinic must keep, asks for a tick before sending, and lets the client withdraw until the
 * owner carries it out.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError } from "../api/client";
import { Alert, Button, Card } from "../ui/components";
import { askForErasure, erasureKeys, myErasureQuery, withdrawErasure } from "./api";
import styles from "./Erasure.module.css";

export function ErasureCard() {
  const queryClient = useQueryClient();
  const mine = useQuery(myErasureQuery);
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const checkboxId = useId();
  const onError = (error: Error) =>
    setProblem(error instanceof ApiError ? error.message : "That did not work. Please try again.");
  const ask = useMutation({
    mutationFn: askForErasure,
    onSuccess: (result) => queryClient.setQueryData(erasureKeys.mine, result),
    onError,
  });
  const withdraw = useMutation({
    mutationFn: withdrawErasure,
    onSuccess: (result) => queryClient.setQueryData(erasureKeys.mine, result),
    onError,
  });
  const request = mine.data?.request ?? null;
  return (
    <Card title="Erase my account">
      {request ? (
        <>
          <Alert>
            You asked us to erase your account. The clinic will carry it out and e-mail you a confirmation.
          </Alert>
          <div className={styles.actions} style={{ marginTop: "var(--kw-space-3)" }}>
            <Button variant="secondary" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              I changed my mind: keep my account
            </Button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setProblem(null);
            if (confirmed) ask.mutate();
            else setProblem("Tick the box to confirm.");
          }}
        >
          <p>
            Your contact details, sign-in, pain diary and messages are deleted, and future bookings cancelled.
            By law the clinic keeps your clinical records (intake, treatment notes, consent) for its retention
            period after your last visit; they are deleted after that.
          </p>
          <div className={styles.confirm}>
            <input
              id={checkboxId}
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor={checkboxId}>I understand, and I want my account erased.</label>
          </div>
          <Button type="submit" variant="danger" disabled={ask.isPending}>
            Ask to erase my account
          </Button>
        </form>
      )}
      {problem ? (
        <div style={{ marginTop: "var(--kw-space-3)" }}>
          <Alert tone="danger">{problem}</Alert>
        </div>
      ) : null}
    </Card>
  );
}
