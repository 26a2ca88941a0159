import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatWav, parseWav, WavError, writeWav } from '../../../../edge-agent/src/devices/audio/wav.ts';

/** The 16-byte `fmt ` body of integer PCM. */
function pcmFmt(sampleRate = 16000, channels = 1, bits = 16): Buffer {
  const fmt = Buffer.alloc(16);
  const blockAlign = channels * Math.ceil(bits / 8);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * blockAlign, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(bits, 14);
  return fmt;
}

/** A RIFF file built chunk by chunk, to test the parser on layouts writeWav never makes. */
function riff(...chunks: Array<[string, Buffer]>): Buffer {
  const body = chunks.flatMap(([id, data]) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(data.length, 4);
    return [head, data, Buffer.alloc(data.length % 2)];
  });
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(4 + body.reduce((sum, b) => sum + b.length, 0), 4);
  head.write('WAVE', 8, 'ascii');
  return Buffer.concat([head, ...body]);
}

const samples = (...values: number[]) => Buffer.from(Int16Array.from(values).buffer);

describe('Function: parseWav', () => {
  it('reads the format, the samples and the duration of a canonical 44-byte-header WAV', () => {
    const wav = parseWav(writeWav(pcmFmt(), Buffer.alloc(32000)));
    expect(wav.format).toEqual({
      audioFormat: 1,
      channels: 1,
      sampleRate: 16000,
      byteRate: 32000,
      blockAlign: 2,
      bitsPerSample: 16,
    });
    expect(wav.data.length).toBe(32000);
    expect(wav.duration).toBe(1);
  });

  it('skips other chunks, including odd-sized ones and their pad byte, wherever they are', () => {
    const data = samples(1, 2, 3);
    const wav = parseWav(
      riff(['LIST', Buffer.from('INFOx')], ['fmt ', pcmFmt()], ['junk', Buffer.alloc(3)], ['data', data]),
    );
    expect(wav.data).toEqual(data);
  });

  it('refuses what is not a joinable WAV, saying why', () => {
    expect(() => parseWav(Buffer.from('ID3 not a wav at all'))).toThrow(/no RIFF\/WAVE header/);
    expect(() => parseWav(riff(['data', samples(1)]))).toThrow(/no valid 'fmt ' chunk/);
    expect(() => parseWav(riff(['fmt ', pcmFmt()]))).toThrow(/no 'data' chunk/);
    const adpcm = pcmFmt();
    adpcm.writeUInt16LE(2, 0);
    expect(() => parseWav(riff(['fmt ', adpcm], ['data', samples(1)]))).toThrow(/compressed/);
    const truncated = writeWav(pcmFmt(), samples(1, 2, 3, 4)).subarray(0, 48);
    expect(() => parseWav(truncated)).toThrow(/runs past the end/);
    expect(() => parseWav(riff(['fmt ', pcmFmt()], ['data', Buffer.alloc(3)]))).toThrow(
      /whole number of frames/,
    );
  });

  it('reads back what writeWav wrote, for any PCM layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8000, 16000, 22050, 44100),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom(8, 16, 24),
        fc.integer({ min: 0, max: 200 }),
        (rate, channels, bits, frames) => {
          const blockAlign = channels * (bits / 8);
          const data = Buffer.from(Array.from({ length: frames * blockAlign }, (_, i) => (i * 7) % 256));
          const file = writeWav(pcmFmt(rate, channels, bits), data);
          const wav = parseWav(file);
          expect(wav.data).toEqual(data);
          expect(wav.format).toMatchObject({ sampleRate: rate, channels, bitsPerSample: bits, blockAlign });
          // The RIFF size covers the whole file after its first 8 bytes, pad byte included.
          expect(file.readUInt32LE(4)).toBe(file.length - 8);
          expect(file.length % 2).toBe(0);
        },
      ),
    );
  });
});

describe('Function: concatWav', () => {
  it('joins clips with 150 ms of zero samples between them by default', () => {
    const a = writeWav(pcmFmt(), samples(100, 200));
    const b = writeWav(pcmFmt(), samples(-300));
    const joined = parseWav(concatWav([a, b]));
    const gap = Buffer.alloc(0.15 * 16000 * 2);
    expect(joined.data).toEqual(Buffer.concat([samples(100, 200), gap, samples(-300)]));
    expect(joined.duration).toBeCloseTo(3 / 16000 + 0.15, 9);
  });

  it('takes the gap it is given, and puts none after a single clip', () => {
    const a = writeWav(pcmFmt(8000), samples(1));
    expect(parseWav(concatWav([a, a, a], { gapMs: 10 })).data.length).toBe(2 * 3 + 2 * 80 * 2);
    expect(parseWav(concatWav([a])).data).toEqual(samples(1));
  });

  it('fills the gap of 8-bit audio with its midpoint 0x80, the silence of unsigned samples', () => {
    const a = writeWav(pcmFmt(8000, 1, 8), Buffer.from([0x90]));
    const joined = parseWav(concatWav([a, a], { gapMs: 1 }));
    expect([...joined.data]).toEqual([0x90, ...Array(8).fill(0x80), 0x90]);
  });

  it('refuses clips of different formats, naming the clip that differs', () => {
    const a = writeWav(pcmFmt(16000), samples(1));
    const b = writeWav(pcmFmt(22050), samples(1));
    expect(() => concatWav([a, b], { names: ['chime', 'chu-b'] })).toThrow(
      "clip 'chu-b' differs from clip 'chime' in sampleRate (22050 instead of 16000)",
    );
    expect(() => concatWav([a, writeWav(pcmFmt(16000, 2), samples(1, 1))])).toThrow(
      /clip 1 differs from clip 0 in channels/,
    );
    expect(() => concatWav([a, Buffer.from('nope')], { names: ['x', 'bad'] })).toThrow(
      /clip 'bad': not a WAV/,
    );
    expect(() => concatWav([])).toThrow(WavError);
  });
});
