import { EventEmitter } from 'node:events';
import type { KeySource } from './key-source.ts';

/** A rating pad in memory: press keys by hand, as a citizen (or a stuck key) would. */
export class KeypadSimulator extends EventEmitter<{ key: [string] }> implements KeySource {
  readonly #timers = new Set<NodeJS.Timeout>();

  press(key: string): void {
    this.emit('key', key);
  }

  /** Each character of `keys` as a press, at once (a burst, or contact bounce). */
  type(keys: string): void {
    for (const key of keys) this.press(key);
  }

  /**
   * Holds a key for `forMs`: one press, then keyboard auto-repeat every `repeatMs` after
   * `delayMs`, as a USB keypad does. Runs on timers (use fake timers in tests).
   */
  hold(
    key: string,
    { forMs, delayMs = 500, repeatMs = 33 }: { forMs: number; delayMs?: number; repeatMs?: number },
  ): void {
    this.press(key);
    for (let at = delayMs; at < forMs; at += repeatMs) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.press(key);
      }, at);
      this.#timers.add(timer);
    }
  }

  /** Whether a keypad is listening: a stopped RatingKeypad leaves none. */
  get listening(): boolean {
    return this.listenerCount('key') > 0;
  }

  /** Cancels the auto-repeat of held keys. */
  release(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
