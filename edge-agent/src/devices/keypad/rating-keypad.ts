import { EventEmitter } from 'node:events';
import type { KeySource } from './key-source.ts';

/** A level on the rating pad: 1 (worst) … 4 (best); a 3-level pad uses 1–3. */
export type Score = 1 | 2 | 3 | 4;

/** A citizen pressed a level on the pad of a counter. */
export interface Rating {
  readonly counter: number;
  readonly score: Score;
}

/**
 * Presses on the same pad within this many ms after an accepted one are ignored: it covers
 * contact bounce, a nervous double tap and the first seconds of keyboard auto-repeat while a
 * key is held (repeat starts after ~500 ms), and no genuine next rating can come this soon,
 * as one needs a whole service in between.
 */
export const DEFAULT_DEBOUNCE_MS = 2000;

/** Key → score of the usual 4-key pad; a 3-level pad leaves '4' out, another pad maps its own keys. */
export const FOUR_KEYS: Readonly<Record<string, Score>> = { '1': 1, '2': 2, '3': 3, '4': 4 };

export interface RatingKeypadOptions {
  /** The counter the pad faces. One pad per counter, so one RatingKeypad per pad. */
  readonly counter: number;
  readonly source: KeySource;
  readonly keys?: Readonly<Record<string, Score>>;
  readonly debounceMs?: number;
  /** A monotonic clock in ms: a wall clock stepped back would silence the pad. */
  readonly now?: () => number;
}

/**
 * Turns a pad's key presses into `rating` events, with repeated presses filtered. Whether a
 * rating counts (one per served ticket, only while the prompt is open, never from staff) is
 * the queue engine's decision (`QueueEngine.rate`); its refusals are expected, so a listener
 * catches them: listeners must not throw, as they run inside the key source's events.
 */
export class RatingKeypad extends EventEmitter<{ rating: [Rating] }> {
  readonly #counter: number;
  readonly #source: KeySource;
  readonly #keys: Readonly<Record<string, Score>>;
  readonly #debounceMs: number;
  readonly #now: () => number;
  #lastAccepted: number | undefined;
  #listening = false;

  constructor({
    counter,
    source,
    keys = FOUR_KEYS,
    debounceMs = DEFAULT_DEBOUNCE_MS,
    now = () => performance.now(),
  }: RatingKeypadOptions) {
    super();
    this.#counter = counter;
    this.#source = source;
    this.#keys = keys;
    this.#debounceMs = debounceMs;
    this.#now = now;
  }

  start(): void {
    if (this.#listening) return;
    this.#listening = true;
    this.#source.on('key', this.#onKey);
  }

  stop(): void {
    this.#listening = false;
    this.#source.off('key', this.#onKey);
  }

  readonly #onKey = (key: string): void => {
    // Object.hasOwn: a key such as 'constructor' must not find something on the prototype.
    if (!Object.hasOwn(this.#keys, key)) return;
    const score = this.#keys[key] as Score;
    const at = this.#now();
    if (this.#lastAccepted !== undefined && at - this.#lastAccepted < this.#debounceMs) return;
    this.#lastAccepted = at;
    this.emit('rating', { counter: this.#counter, score });
  };
}
