// Plays the hall display's announcements one at a time, in order. Browsers refuse sound
// until someone touches the page; a kiosk browser started with
// --autoplay-policy=no-user-gesture-required never refuses. When refused, the queue waits
// (keeping the calls) and tells the page to show its "Bật âm thanh" button.

/** A call longer than this is stuck (a broken file that never ends): move on. */
const MAX_CLIP_MS = 30_000;

export class AudioQueue {
  #pending = [];
  #playing = false;
  #blocked = false;
  #current;
  #skip;
  #createAudio;
  #onBlocked;
  #maxPending;

  /**
   * @param {{ createAudio?: (url: string) => HTMLAudioElement, onBlocked?: () => void, maxPending?: number }} options
   */
  constructor({ createAudio = (url) => new Audio(url), onBlocked = () => {}, maxPending = 8 } = {}) {
    this.#createAudio = createAudio;
    this.#onBlocked = onBlocked;
    this.#maxPending = maxPending;
  }

  /** Queues a WAV; when too many wait (sound was off for long), the oldest calls are dropped as stale. */
  enqueue(url) {
    this.#pending.push(url);
    this.#trim();
    this.#next();
  }

  /** After a user gesture: play what waited. */
  unlock() {
    this.#blocked = false;
    this.#next();
  }

  get blocked() {
    return this.#blocked;
  }

  get pending() {
    return this.#pending.length;
  }

  /** Silences the page: drops what waits and cuts the call playing. */
  stop() {
    this.#pending = [];
    this.#current?.pause();
    this.#skip?.();
  }

  #trim() {
    while (this.#pending.length > this.#maxPending) this.#pending.shift();
  }

  async #next() {
    if (this.#playing || this.#blocked || this.#pending.length === 0) return;
    this.#playing = true;
    const url = this.#pending.shift();
    const audio = this.#createAudio(url);
    this.#current = audio;
    let timer;
    const finished = new Promise((resolve) => {
      this.#skip = resolve;
      audio.addEventListener('ended', resolve, { once: true });
      audio.addEventListener('error', resolve, { once: true });
      timer = setTimeout(resolve, MAX_CLIP_MS);
    });
    try {
      await audio.play();
      await finished;
    } catch (error) {
      if (error?.name === 'NotAllowedError') {
        // Put the call back in front: it plays first once sound is allowed.
        this.#pending.unshift(url);
        this.#trim();
        this.#blocked = true;
        this.#onBlocked();
      }
      // Any other failure (a missing or broken file): skip this call, keep the others.
    }
    clearTimeout(timer);
    this.#current = undefined;
    this.#skip = undefined;
    this.#playing = false;
    this.#next();
  }
}
