/**
 * The pain diary in the portal (F7, F9): a new entry (the body map, regions 0–10, a note; "Same as
 * last time" for a repeat in two or three taps), and the entries so far, newest first. The content
 * under the heading and care navigation that plans/CarePages.tsx paints first.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { progressKeys } from "../progress/api";
import { Alert, Card, Empty, Loading } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { addDiaryEntry, diaryKeys, myDiaryQuery } from "./api";
import styles from "./Diary.module.css";
import { DiaryForm } from "./DiaryForm";
import { type DiaryDraft, describeScores, regionsOf } from "./diary";

export default function DiaryPage() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const entries = useQuery(myDiaryQuery);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (draft: DiaryDraft) =>
      addDiaryEntry({ regions: regionsOf(draft), ...(draft.note.trim() ? { note: draft.note.trim() } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: diaryKeys.all });
      void queryClient.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
  const last = entries.data?.[0];
  return (
    <div className={styles.diaryPage}>
      <Card>
        {entries.isPending ? (
          <Loading />
        ) : (
          <DiaryForm
            last={
              last
                ? { regions: last.regions, note: last.note, when: formatDateTime(last.recordedAt, zone) }
                : null
            }
            saving={save.isPending}
            onSave={async (draft) => {
              try {
                await save.mutateAsync(draft);
              } catch (error) {
                throw new Error(
                  error instanceof ApiError ? error.message : "That didn't save. Please try again.",
                );
              }
            }}
          />
        )}
      </Card>
      <Card title="Your entries">
        {entries.error ? (
          <Alert tone="danger">Could not load your diary.</Alert>
        ) : entries.isPending ? (
          <Loading />
        ) : entries.data.length === 0 ? (
          <Empty>No entries yet. Your first one takes a minute.</Empty>
        ) : (
          <ul className={styles.diaryEntries}>
            {entries.data.map((entry) => (
              <li key={entry.id} className={styles.diaryEntry}>
                <p className={styles.diaryEntryWhen}>{formatDateTime(entry.recordedAt, zone)}</p>
                <p className={styles.diaryEntryScores}>{describeScores(entry.regions)}</p>
                {entry.note ? <p className={styles.diaryEntryNote}>{entry.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
