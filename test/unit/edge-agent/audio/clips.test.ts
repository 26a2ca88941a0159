import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundledClipsDir,
  CLIP_NAMES,
  CLIP_TEXT,
  clipFileName,
  LETTER_NAMES,
  type Letter,
  letterClip,
  readTicket,
} from '../../../../edge-agent/src/devices/audio/clips.ts';
import { NUMBER_WORD_TEXT } from '../../../../edge-agent/src/devices/audio/vietnamese-number.ts';
import { parseWav } from '../../../../edge-agent/src/devices/audio/wav.ts';

const LETTERS = Object.keys(LETTER_NAMES) as Letter[];

describe('Function: readTicket', () => {
  it('reads the letter, then the number without its leading zeros', () => {
    expect(readTicket('B012')).toEqual(['chu-b', 'muoi', 'hai']);
    expect(readTicket('A001')).toEqual(['chu-a', 'mot']);
    expect(readTicket('C100')).toEqual(['chu-c', 'mot', 'tram']);
    expect(readTicket('D021')).toEqual(['chu-d', 'hai', 'muoi-ngang', 'mot-sac']);
    expect(readTicket('Z1005')).toEqual(['chu-z', 'mot', 'nghin', 'khong', 'tram', 'linh', 'nam']);
  });

  it('follows the reading style it is given', () => {
    expect(readTicket('B105', { zeroTens: 'le' })).toEqual(['chu-b', 'mot', 'tram', 'le', 'nam']);
  });

  it.each(['b012', '012', 'BB12', 'B', 'B12345', 'Đ012', ' B012'])('refuses %j', (ticket) => {
    expect(() => readTicket(ticket)).toThrow(/cannot read ticket/);
  });
});

describe('Clip catalogue', () => {
  it('has a clip for the chime, both phrases, every number word and every letter A–Z', () => {
    expect(CLIP_NAMES).toHaveLength(1 + 2 + Object.keys(NUMBER_WORD_TEXT).length + 26);
    expect(CLIP_NAMES).toEqual(expect.arrayContaining(['chime', 'moi-cong-dan-co-so-thu-tu', 'den-quay-so']));
    expect(CLIP_NAMES).toEqual(expect.arrayContaining(Object.keys(NUMBER_WORD_TEXT)));
    expect(LETTERS).toHaveLength(26);
    for (const letter of LETTERS) expect(CLIP_TEXT[letterClip(letter)]).toBe(LETTER_NAMES[letter]);
    expect(CLIP_TEXT['chu-b']).toBe('bê');
  });

  it('names every clip by a lowercase ASCII slug, safe as a file name', () => {
    for (const clip of CLIP_NAMES) expect(clip).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('Bundled clips (edge-agent/assets/audio)', () => {
  it('holds exactly the catalogue, each clip mono 16 kHz 16-bit PCM', async () => {
    const files = (await readdir(bundledClipsDir)).filter((f) => f.endsWith('.wav')).sort();
    expect(files).toEqual(CLIP_NAMES.map(clipFileName).sort());
    for (const clip of CLIP_NAMES) {
      const wav = parseWav(await readFile(join(bundledClipsDir, clipFileName(clip))));
      expect(wav.format, clip).toMatchObject({
        audioFormat: 1,
        channels: 1,
        sampleRate: 16000,
        bitsPerSample: 16,
      });
      expect(wav.duration, clip).toBeGreaterThan(0.1);
      expect(wav.duration, clip).toBeLessThan(2.5);
    }
  });

  it('trimmed and normalised every clip: sound within 20 ms of each end, peaks near full scale', async () => {
    for (const clip of CLIP_NAMES) {
      const { data } = parseWav(await readFile(join(bundledClipsDir, clipFileName(clip))));
      const pcm = new Int16Array(data.buffer, data.byteOffset, data.length / 2);
      const peak = (from: number, to: number) =>
        pcm.subarray(from, to).reduce((m, s) => Math.max(m, Math.abs(s)), 0);
      const edge = 0.02 * 16000;
      // 0.1% of full scale: the level the generator trims at.
      expect(peak(0, edge), `${clip} starts with silence`).toBeGreaterThan(32);
      // The chime is synthesised and meant to ring out to nothing.
      if (clip !== 'chime') {
        expect(peak(pcm.length - edge, pcm.length), `${clip} ends with silence`).toBeGreaterThan(32);
      }
      expect(peak(0, pcm.length), `${clip} is not normalised`).toBeGreaterThan(0.65 * 32768);
    }
  });

  it('stays small: under 1 MB for the whole set', async () => {
    const sizes = await Promise.all(
      CLIP_NAMES.map(async (c) => (await stat(join(bundledClipsDir, clipFileName(c)))).size),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1_000_000);
  });
});
