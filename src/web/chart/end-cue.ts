/**
 * The hold timer's end cue beyond the screen: a short chime (WebAudio: no sound file to load) and a
 * vibration where the device has one. Browsers only let a page make sound after a tap, so the
 * audio context is created (unlocked) when the therapist taps Start, and reused for the chime.
 */

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | null {
  if (typeof window === "undefined") return null;
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

/** Call from the Start tap: creates or resumes the audio context while the tap still counts as a gesture. */
export function unlockSound(): void {
  try {
    const Ctor = audioContextClass();
    if (!Ctor) return;
    context ??= new Ctor();
    if (context.state === "suspended") void context.resume();
  } catch {
    // No audio on this device: the visual cue (and vibration) remain.
  }
}

/** Two soft tones, rising: noticeable in a quiet room, not an alarm. */
function chime(ctx: AudioContext): void {
  const start = ctx.currentTime;
  for (const [offset, frequency] of [
    [0, 660],
    [0.22, 880],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.4);
  }
}

/** Sound and vibration for the end of a hold; each silently skipped where the device lacks it. */
export function playEndCue(): void {
  try {
    if (context && context.state !== "closed") chime(context);
  } catch {
    // Sound failed: the visual cue remains.
  }
  try {
    if (typeof navigator !== "undefined" && typeof navigator.vibrate === "function") {
      navigator.vibrate([200, 100, 200]);
    }
  } catch {
    // Vibration refused (no user activation yet): the visual cue remains.
  }
}
