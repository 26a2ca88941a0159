import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ClipName, clipFileName, readTicket } from './clips.ts';
import { type ReadingStyle, readNumber } from './vietnamese-number.ts';
import { concatWav, DEFAULT_GAP_MS } from './wav.ts';

/**
 * The clips of one call: chime, "mời công dân có số thứ tự", the ticket (letter and number),
 * "đến quầy số", the counter number. B012 to counter 3 → chime … bê mười hai … ba.
 */
export function announcement(
  ticketNumber: string,
  counter: number,
  style: Partial<ReadingStyle> = {},
): ClipName[] {
  return [
    'chime',
    'moi-cong-dan-co-so-thu-tu',
    ...readTicket(ticketNumber, style),
    'den-quay-so',
    ...readNumber(counter, style),
  ];
}

/** A clip the announcement needs is not in the clips directory (or cannot be read). */
export class MissingClipError extends Error {
  override readonly name = 'MissingClipError';
  constructor(
    readonly clip: ClipName,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(`audio clip '${clip}' is missing: cannot read ${file}`, options);
  }
}

export interface AnnouncerOptions {
  /** Where the `<clip>.wav` files are; `bundledClipsDir` for the ones shipped with the agent. */
  readonly clipsDir: string;
  /** Plays a call; by default nothing, as the hall display page plays the WAV the agent serves. */
  readonly play?: (wav: Buffer) => Promise<void>;
  readonly style?: Partial<ReadingStyle>;
  readonly gapMs?: number;
}

/** Builds the WAV of a call from the clips on disk, offline. */
export class Announcer {
  readonly #clipsDir: string;
  readonly #play: (wav: Buffer) => Promise<void>;
  readonly #style: Partial<ReadingStyle>;
  readonly #gapMs: number;

  constructor({ clipsDir, play = async () => {}, style = {}, gapMs = DEFAULT_GAP_MS }: AnnouncerOptions) {
    this.#clipsDir = clipsDir;
    this.#play = play;
    this.#style = style;
    this.#gapMs = gapMs;
  }

  /**
   * Builds (and plays) the call of a ticket to a counter, and returns the WAV. Clips are read
   * on every call, not cached: a ward that drops in recorded clips is heard at the next call.
   */
  async announce(ticketNumber: string, counter: number): Promise<Buffer> {
    const clips = announcement(ticketNumber, counter, this.#style);
    const unique = [...new Set(clips)];
    const loaded = new Map(
      await Promise.all(unique.map(async (clip) => [clip, await this.#load(clip)] as const)),
    );
    const wav = concatWav(
      clips.map((clip) => loaded.get(clip) as Buffer),
      { gapMs: this.#gapMs, names: clips },
    );
    await this.#play(wav);
    return wav;
  }

  async #load(clip: ClipName): Promise<Buffer> {
    const file = join(this.#clipsDir, clipFileName(clip));
    try {
      return await readFile(file);
    } catch (error) {
      throw new MissingClipError(clip, file, { cause: error });
    }
  }
}
