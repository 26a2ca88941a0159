/**
 * Just enough of RIFF/WAVE to join clips: read the format and the samples of a PCM WAV and
 * write one back. Chunks other than `fmt ` and `data` (LIST, fact, cue…) are skipped, since
 * recording tools add them freely.
 */

/** The `fmt ` chunk: how the samples are laid out. */
export interface WavFormat {
  /** 1 = integer PCM, 3 = IEEE float, 0xFFFE = extensible (the sub-format must be PCM or float). */
  readonly audioFormat: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly byteRate: number;
  readonly blockAlign: number;
  readonly bitsPerSample: number;
}

export interface Wav {
  readonly format: WavFormat;
  /** The raw `fmt ` chunk body, written back unchanged so extensible headers survive. */
  readonly fmtChunk: Buffer;
  readonly data: Buffer;
  /** Seconds of audio. */
  readonly duration: number;
}

export class WavError extends Error {
  override readonly name = 'WavError';
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

/** The silence put between two clips, so words do not run into each other. */
export const DEFAULT_GAP_MS = 150;

/** Parses a PCM (or float) WAV file; throws a WavError saying what is wrong. */
export function parseWav(bytes: Buffer): Wav {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  let fmtChunk: Buffer | undefined;
  let data: Buffer | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (start + size > bytes.length) throw new WavError(`chunk '${id}' runs past the end of the file`);
    if (id === 'fmt ') fmtChunk = bytes.subarray(start, start + size);
    if (id === 'data') data = bytes.subarray(start, start + size);
    // Chunks are word-aligned: an odd-sized chunk is followed by a pad byte.
    offset = start + size + (size % 2);
  }
  if (!fmtChunk || fmtChunk.length < 16) throw new WavError("no valid 'fmt ' chunk");
  if (!data) throw new WavError("no 'data' chunk");
  const format = readFormat(fmtChunk);
  if (data.length % format.blockAlign !== 0) throw new WavError('data is not a whole number of frames');
  return { format, fmtChunk, data, duration: data.length / format.byteRate };
}

/**
 * Joins clips into one WAV with `gapMs` of silence between them. All clips must share one
 * format: resampling is the generator's job, not the agent's. `names` label clips in errors.
 */
export function concatWav(
  clips: readonly Buffer[],
  { gapMs = DEFAULT_GAP_MS, names = [] }: { gapMs?: number; names?: readonly string[] } = {},
): Buffer {
  if (clips.length === 0) throw new WavError('no clips to join');
  // Errors name the clip (when the caller says which is which): that is the file to fix.
  const label = (i: number) => `clip ${names[i] ? `'${names[i]}'` : i}`;
  const wavs = clips.map((clip, i) => {
    try {
      return parseWav(clip);
    } catch (error) {
      throw new WavError(`${label(i)}: ${(error as Error).message}`, { cause: error });
    }
  });
  const first = wavs[0] as Wav;
  wavs.forEach((wav, i) => {
    const difference = formatDifference(first.format, wav.format);
    if (difference) throw new WavError(`${label(i)} differs from ${label(0)} in ${difference}`);
  });
  const { format } = first;
  const gap = Buffer.alloc(
    Math.round((format.sampleRate * gapMs) / 1000) * format.blockAlign,
    silenceByte(format),
  );
  const parts = wavs.flatMap((wav, i) => (i === 0 ? [wav.data] : [gap, wav.data]));
  return writeWav(first.fmtChunk, Buffer.concat(parts));
}

/** Writes a RIFF/WAVE file from a `fmt ` chunk body and sample data. */
export function writeWav(fmtChunk: Buffer, data: Buffer): Buffer {
  const pad = data.length % 2;
  const header = Buffer.alloc(12 + 8 + fmtChunk.length + (fmtChunk.length % 2) + 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(header.length - 8 + data.length + pad, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(fmtChunk.length, 16);
  fmtChunk.copy(header, 20);
  const dataAt = header.length - 8;
  header.write('data', dataAt, 'ascii');
  header.writeUInt32LE(data.length, dataAt + 4);
  return Buffer.concat([header, data, Buffer.alloc(pad)]);
}

function readFormat(fmt: Buffer): WavFormat {
  const format: WavFormat = {
    audioFormat: fmt.readUInt16LE(0),
    channels: fmt.readUInt16LE(2),
    sampleRate: fmt.readUInt32LE(4),
    byteRate: fmt.readUInt32LE(8),
    blockAlign: fmt.readUInt16LE(12),
    bitsPerSample: fmt.readUInt16LE(14),
  };
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  const kind =
    format.audioFormat === EXTENSIBLE && fmt.length >= 26 ? fmt.readUInt16LE(24) : format.audioFormat;
  if (kind !== PCM && kind !== FLOAT) {
    throw new WavError(`format ${format.audioFormat} is compressed; only PCM or float WAV can be joined`);
  }
  if (format.channels === 0 || format.blockAlign !== format.channels * Math.ceil(format.bitsPerSample / 8)) {
    throw new WavError('inconsistent channels, bits per sample and block align');
  }
  if (format.byteRate !== format.sampleRate * format.blockAlign) {
    throw new WavError('byte rate is not sample rate × block align');
  }
  return format;
}

function formatDifference(a: WavFormat, b: WavFormat): string | undefined {
  const keys = ['audioFormat', 'channels', 'sampleRate', 'bitsPerSample'] as const;
  const key = keys.find((k) => a[k] !== b[k]);
  return key && `${key} (${b[key]} instead of ${a[key]})`;
}

/** 8-bit PCM is unsigned, so its silence is the midpoint 0x80; every other format's is zero. */
function silenceByte(format: WavFormat): number {
  return format.bitsPerSample === 8 ? 0x80 : 0;
}
