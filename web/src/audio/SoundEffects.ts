/**
 * Small synthesized sound effects, no audio files: Web Audio oscillators and filtered noise.
 * A shot is a short falling blip (lower and longer the bigger the charge; others' shots
 * quieter), an explosion a burst of noise closing down (longer for a ship than a rock),
 * thrust a soft rumble while Up is held, and the charge a tone rising with it. Muting is
 * remembered in localStorage. Browsers start audio only after a gesture, so the context is
 * created on the first key or touch; until then nothing plays and nothing is counted.
 */
const MUTED_KEY = "netroids.muted";
const MASTER_GAIN = 0.25;

export function loadMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTED_KEY) === "1";
  } catch {
    return false;
  }
}

function saveMuted(muted: boolean): void {
  try {
    window.localStorage.setItem(MUTED_KEY, muted ? "1" : "0");
  } catch {
    // Not remembered: the toggle still works for this visit.
  }
}

export class SoundEffects {
  private context: AudioContext | undefined;
  private master: GainNode | undefined;
  private noise: AudioBuffer | undefined;
  private thrust: { source: AudioBufferSourceNode; gain: GainNode } | undefined;
  private charge: { oscillator: OscillatorNode; gain: GainNode } | undefined;
  private mutedNow = loadMuted();
  /** Effects started since the page loaded (a shot, an explosion): the debug snapshot shows it. */
  played = 0;

  get muted(): boolean {
    return this.mutedNow;
  }

  get running(): boolean {
    return this.context?.state === "running";
  }

  /** Call from a user gesture (key, touch): browsers let audio start only then. */
  unlock(): void {
    if (!this.context) {
      const Context = window.AudioContext as typeof AudioContext | undefined;
      if (!Context) return;
      this.context = new Context();
      this.master = this.context.createGain();
      this.master.gain.value = this.mutedNow ? 0 : MASTER_GAIN;
      this.master.connect(this.context.destination);
      this.noise = this.whiteNoise(this.context);
    }
    if (this.context.state === "suspended") void this.context.resume();
  }

  setMuted(muted: boolean): void {
    this.mutedNow = muted;
    saveMuted(muted);
    if (this.master && this.context) this.master.gain.setTargetAtTime(muted ? 0 : MASTER_GAIN, this.context.currentTime, 0.02);
  }

  /** A shot: `charge` 0..1; `own` shots louder than others'. */
  shot(charge: number, own: boolean): void {
    const audio = this.ready();
    if (!audio) return;
    const { context, master } = audio;
    const now = context.currentTime;
    const length = 0.08 + 0.1 * charge;
    const oscillator = context.createOscillator();
    oscillator.type = "square";
    oscillator.frequency.setValueAtTime(900 - 450 * charge, now);
    oscillator.frequency.exponentialRampToValueAtTime(180, now + length);
    const gain = this.envelope(context, own ? 0.35 : 0.12, length);
    oscillator.connect(gain).connect(master);
    oscillator.start(now);
    oscillator.stop(now + length);
    this.played++;
  }

  /** An explosion: a ship's (big) or a rock's of `size` 1..3. */
  explosion(big: boolean, size = 3): void {
    const audio = this.ready();
    if (!audio || !this.noise) return;
    const { context, master } = audio;
    const now = context.currentTime;
    const length = big ? 0.9 : 0.25 + 0.12 * size;
    const source = context.createBufferSource();
    source.buffer = this.noise;
    const filter = context.createBiquadFilter();
    filter.type = "lowpass";
    filter.frequency.setValueAtTime(big ? 1800 : 1200, now);
    filter.frequency.exponentialRampToValueAtTime(120, now + length);
    const gain = this.envelope(context, big ? 0.6 : 0.3, length);
    source.connect(filter).connect(gain).connect(master);
    source.start(now);
    source.stop(now + length);
    this.played++;
  }

  /** The own ship's engine and charge this frame: a rumble while thrusting, a tone rising with the charge. */
  engine(thrusting: boolean, charge: number): void {
    const audio = this.ready();
    if (!audio || !this.noise) return;
    const { context, master } = audio;
    const now = context.currentTime;
    if (!this.thrust) {
      const source = context.createBufferSource();
      source.buffer = this.noise;
      source.loop = true;
      const filter = context.createBiquadFilter();
      filter.type = "lowpass";
      filter.frequency.value = 220;
      const gain = context.createGain();
      gain.gain.value = 0;
      source.connect(filter).connect(gain).connect(master);
      source.start();
      this.thrust = { source, gain };
    }
    this.thrust.gain.gain.setTargetAtTime(thrusting ? 0.35 : 0, now, 0.04);
    if (!this.charge) {
      const oscillator = context.createOscillator();
      oscillator.type = "triangle";
      const gain = context.createGain();
      gain.gain.value = 0;
      oscillator.connect(gain).connect(master);
      oscillator.start();
      this.charge = { oscillator, gain };
    }
    this.charge.oscillator.frequency.setTargetAtTime(220 + 440 * charge, now, 0.03);
    this.charge.gain.gain.setTargetAtTime(charge > 0 ? 0.08 : 0, now, 0.03);
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.thrust = undefined;
    this.charge = undefined;
  }

  private ready(): { context: AudioContext; master: GainNode } | undefined {
    if (this.mutedNow || !this.context || !this.master || this.context.state !== "running") return undefined;
    return { context: this.context, master: this.master };
  }

  private envelope(context: AudioContext, peak: number, length: number): GainNode {
    const gain = context.createGain();
    const now = context.currentTime;
    gain.gain.setValueAtTime(peak, now);
    gain.gain.exponentialRampToValueAtTime(0.001, now + length);
    return gain;
  }

  private whiteNoise(context: AudioContext): AudioBuffer {
    const buffer = context.createBuffer(1, context.sampleRate, context.sampleRate);
    const samples = buffer.getChannelData(0);
    // A fixed LCG rather than Math.random: the same noise every visit, and nothing to seed.
    let state = 12345;
    for (let i = 0; i < samples.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      samples[i] = state / 0x80000000 - 1;
    }
    return buffer;
  }
}
