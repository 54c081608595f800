import { useCallback, useEffect, useRef, useState } from "react";
import {
  clampTarget,
  endsAt,
  formatSeconds,
  HOLD_PRESETS,
  type HoldTimer as Hold,
  heldMs,
  isFinished,
  pauseHold,
  readyHold,
  recordedSeconds,
  remainingSeconds,
  startHold,
  withTarget,
} from "../../core/charting/hold-timer";
import { cx } from "../ui/cx";
import { Choice } from "./Choice";
import { playEndCue, unlockSound } from "./end-cue";
import styles from "./HoldTimer.module.css";

/** How often the figure is redrawn while running; the time itself always comes from the clock. */
const TICK_MS = 250;

export interface HoldTimerProps {
  /** The clinic's default hold (seconds). */
  readonly defaultSeconds: number;
  /** Seconds already held on this point (earlier holds add up). */
  readonly totalSeconds: number;
  /** Called once per hold with the whole seconds actually held (never more than elapsed). */
  readonly onHoldRecorded: (seconds: number) => void;
  /** Names the point in the timer's accessible text, e.g. "Upper trapezius, right". */
  readonly pointLabel: string;
  readonly disabled?: boolean;
}

/**
 * The hold timer for a tablet held in one hand: presets on top, a large countdown, and the big
 * buttons at the bottom where the thumb is. Time comes from Date.now() (core/charting/hold-timer),
 * so it stays right when the tab sleeps; when the countdown ends there is a visual cue, a chime and
 * a vibration, and the time held is written into the point's record.
 */
export function HoldTimer({
  defaultSeconds,
  totalSeconds,
  onHoldRecorded,
  pointLabel,
  disabled = false,
}: HoldTimerProps) {
  const [timer, setTimer] = useState<Hold>(() => readyHold(defaultSeconds));
  const [now, setNow] = useState(() => Date.now());
  const [last, setLast] = useState<{ seconds: number; complete: boolean } | null>(null);
  const latest = useRef({ timer, onHoldRecorded });
  latest.current = { timer, onHoldRecorded };

  /** Ends the current hold and records it; `complete` when the countdown ran out (cue), not stopped early. */
  const finish = useCallback((at: number, complete: boolean) => {
    const current = latest.current.timer;
    if (current.kind === "ready") return;
    const seconds = recordedSeconds(current, at);
    latest.current.timer = readyHold(current.targetSeconds);
    setTimer(latest.current.timer);
    setLast({ seconds, complete });
    if (complete) playEndCue();
    latest.current.onHoldRecorded(seconds);
  }, []);

  // While running: redraw often, wake exactly at the end, and catch up at once when the tab is shown again.
  useEffect(() => {
    if (timer.kind !== "running") return;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (isFinished(latest.current.timer, at)) finish(at, true);
    };
    const interval = setInterval(tick, TICK_MS);
    const end = endsAt(timer);
    const timeout = end === null ? null : setTimeout(tick, Math.max(0, end - Date.now()));
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(interval);
      if (timeout) clearTimeout(timeout);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [timer, finish]);

  // Leaving the point (or the page) mid-hold keeps what was held.
  useEffect(() => () => finish(Date.now(), false), [finish]);

  const start = () => {
    unlockSound();
    const at = Date.now();
    setLast(null);
    setNow(at);
    setTimer((t) => startHold(t, at));
  };
  const pause = () => {
    const at = Date.now();
    setNow(at);
    setTimer((t) => pauseHold(t, at));
  };

  const running = timer.kind === "running";
  const shownNow = running ? now : Date.now();
  const left = remainingSeconds(timer, shownNow);
  const progress = heldMs(timer, shownNow) / (timer.targetSeconds * 1000);
  const justEnded = last?.complete === true;

  return (
    <section
      className={cx(styles.timer, justEnded && styles.isEnded)}
      aria-label={`Hold timer, ${pointLabel}`}
    >
      <Choice
        legend="Hold for"
        options={HOLD_PRESETS.map((s) => ({ value: s, label: `${s} s` }))}
        value={timer.targetSeconds}
        onChange={(s) => setTimer((t) => withTarget(t, clampTarget(s)))}
        compact
        disabled={disabled || timer.kind !== "ready"}
      />
      <div className={styles.face}>
        <p className={styles.count} role="timer" aria-label={`${left} seconds left`}>
          {justEnded ? "Release" : formatSeconds(left)}
        </p>
        <div className={styles.track} aria-hidden="true">
          <div className={styles.fill} style={{ transform: `scaleX(${justEnded ? 1 : progress})` }} />
        </div>
        <p className={styles.total}>
          Held on this point: <strong>{formatSeconds(totalSeconds)}</strong>
        </p>
        <p className={styles.status} role="status">
          {last
            ? last.complete
              ? `Hold complete: ${last.seconds} s recorded.`
              : `Hold stopped: ${last.seconds} s recorded.`
            : ""}
        </p>
      </div>
      <div className={styles.buttons}>
        {timer.kind === "running" ? (
          <>
            <button type="button" className={styles.secondary} onClick={pause}>
              Pause
            </button>
            <button type="button" className={styles.primary} onClick={() => finish(Date.now(), false)}>
              Stop and record
            </button>
          </>
        ) : timer.kind === "paused" ? (
          <>
            <button type="button" className={styles.secondary} onClick={() => finish(Date.now(), false)}>
              Stop and record
            </button>
            <button type="button" className={styles.primary} onClick={start}>
              Resume
            </button>
          </>
        ) : (
          <button type="button" className={styles.primary} onClick={start} disabled={disabled}>
            {last ? "Hold again" : `Start ${timer.targetSeconds} s hold`}
          </button>
        )}
      </div>
    </section>
  );
}
