/**
 * A hold timer for self-treatment: pick 10-60 s, start, pause, reset; a big countdown; at the end
 * a cue you cannot miss: the panel changes colour and says so, screen readers hear it, and
 * (if wanted) a short beep plays and a phone vibrates.
 */
import { useEffect, useId, useReducer, useRef, useState } from "react";
import { cx } from "../ui/cx";
import styles from "./Atlas.module.css";
import { holdChoices, initialTimer, progress, secondsLeft, timerReducer } from "./hold-timer";

interface HoldTimerProps {
  /** The muscle's recommended hold, [min, max] seconds. */
  readonly range: readonly [number, number];
}

const TICK_MS = 200;
const RING_RADIUS = 52;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

/** Two short soft tones. */
function beep(context: AudioContext): void {
  const start = context.currentTime + 0.02;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
}

export function HoldTimer({ range }: HoldTimerProps) {
  const id = useId();
  const { choices, initial } = holdChoices(range);
  const [state, dispatch] = useReducer(timerReducer, initial, initialTimer);
  const [withSound, setWithSound] = useState(true);
  const [announcement, setAnnouncement] = useState("");
  const audio = useRef<AudioContext | null>(null);
  const previousStatus = useRef(state.status);

  useEffect(() => {
    if (state.status !== "running") return;
    const timer = window.setInterval(() => dispatch({ type: "tick", now: Date.now() }), TICK_MS);
    return () => window.clearInterval(timer);
  }, [state.status]);

  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = state.status;
    if (before === state.status) return;
    if (state.status === "done") {
      setAnnouncement("Time's up. Release the pressure slowly.");
      if (withSound && audio.current) {
        try {
          beep(audio.current);
        } catch {
          // No sound is fine: the visual cue and the announcement carry the message.
        }
      }
      navigator.vibrate?.([200, 100, 200]);
    } else if (state.status === "running") {
      setAnnouncement(`Hold started: ${secondsLeft(state)} seconds.`);
    } else if (state.status === "paused") {
      setAnnouncement(`Paused with ${secondsLeft(state)} seconds left.`);
    } else {
      setAnnouncement("Timer reset.");
    }
  }, [state, withSound]);

  const start = () => {
    // Audio may only start from a tap, so the context is made (or woken) here, not at the end.
    if (withSound) {
      const Context = audioContextClass();
      if (Context) {
        try {
          audio.current ??= new Context();
          void audio.current.resume();
        } catch {
          audio.current = null;
        }
      }
    }
    dispatch({ type: "start", now: Date.now() });
  };

  const seconds = secondsLeft(state);
  const done = state.status === "done";
  const running = state.status === "running";
  const primaryLabel = running
    ? "Pause"
    : state.status === "paused"
      ? "Resume"
      : done
        ? "Start again"
        : "Start";

  return (
    <section
      className={cx(styles.timer, state.status === "done" && styles.isDone)}
      data-status={state.status}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className={styles.timerTitle}>
        Hold timer
      </h3>
      <fieldset className={styles.timerLengths}>
        <legend>
          How long to hold{" "}
          <span className="kw-muted">
            (recommended {range[0]}–{range[1]} seconds)
          </span>
        </legend>
        <div className={styles.timerChoices}>
          {choices.map((choice) => (
            <label
              key={choice.seconds}
              className={cx(styles.timerChoice, choice.recommended && styles.isRecommended)}
            >
              <input
                type="radio"
                name={`${id}-length`}
                value={choice.seconds}
                checked={state.duration === choice.seconds}
                onChange={() => dispatch({ type: "duration", seconds: choice.seconds })}
              />
              <span>
                {choice.seconds}
                <span className="kw-visually-hidden">
                  {" "}
                  seconds{choice.recommended ? ", recommended" : ""}
                </span>
                <span aria-hidden="true"> s</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className={styles.timerFace}>
        <svg className={styles.timerRing} viewBox="0 0 120 120" aria-hidden="true">
          <circle className={styles.timerTrack} cx="60" cy="60" r={RING_RADIUS} />
          <circle
            className={styles.timerProgress}
            cx="60"
            cy="60"
            r={RING_RADIUS}
            strokeDasharray={RING_LENGTH}
            strokeDashoffset={RING_LENGTH * (1 - progress(state))}
          />
        </svg>
        <div className={styles.timerReadout}>
          {done ? (
            <>
              <span className={styles.timerDoneMark} aria-hidden="true">
                ✓
              </span>
              <span className={styles.timerDoneText}>Time's up</span>
            </>
          ) : (
            <>
              <span className={styles.timerSeconds} role="timer" aria-label={`${seconds} seconds left`}>
                {seconds}
              </span>
              <span className={styles.timerUnit} aria-hidden="true">
                seconds
              </span>
            </>
          )}
        </div>
      </div>

      <p className={styles.timerStatus} aria-hidden="true">
        {done
          ? "Release slowly, breathe, then move on to the next spot."
          : running
            ? "Press and breathe slowly."
            : state.status === "paused"
              ? "Paused."
              : "Find the tender spot, press, then start."}
      </p>

      <div className={styles.timerControls}>
        <button
          type="button"
          className="kw-button kw-button--primary"
          onClick={running ? () => dispatch({ type: "pause", now: Date.now() }) : start}
        >
          {primaryLabel}
        </button>
        <button
          type="button"
          className="kw-button kw-button--secondary"
          onClick={() => dispatch({ type: "reset" })}
          disabled={state.status === "idle"}
        >
          Reset
        </button>
      </div>
      <label className={styles.timerSound}>
        <input type="checkbox" checked={withSound} onChange={(event) => setWithSound(event.target.checked)} />
        Beep at the end
      </label>
      <p className="kw-visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
