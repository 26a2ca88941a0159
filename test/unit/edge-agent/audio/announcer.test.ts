import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Announcer,
  announcement,
  MissingClipError,
} from '../../../../edge-agent/src/devices/audio/announcer.ts';
import {
  bundledClipsDir,
  type ClipName,
  clipFileName,
} from '../../../../edge-agent/src/devices/audio/clips.ts';
import { parseWav, writeWav } from '../../../../edge-agent/src/devices/audio/wav.ts';

const clip = async (name: ClipName, dir = bundledClipsDir) =>
  parseWav(await readFile(join(dir, clipFileName(name))));

/** A scratch copy of the bundled clips, for tests that remove or replace one. */
async function copyOfClips(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-clips-'));
  await cp(bundledClipsDir, dir, { recursive: true });
  scratch.push(dir);
  return dir;
}
const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('Function: announcement', () => {
  it('is chime, the invitation, the ticket, "đến quầy số", the counter', () => {
    expect(announcement('B012', 3)).toEqual([
      'chime',
      'moi-cong-dan-co-so-thu-tu',
      'chu-b',
      'muoi',
      'hai',
      'den-quay-so',
      'ba',
    ]);
  });

  it('reads two-digit counters and big ticket numbers by the same rules', () => {
    expect(announcement('C105', 21)).toEqual([
      'chime',
      'moi-cong-dan-co-so-thu-tu',
      'chu-c',
      'mot',
      'tram',
      'linh',
      'nam',
      'den-quay-so',
      'hai',
      'muoi-ngang',
      'mot-sac',
    ]);
    expect(announcement('A015', 15, { zeroTens: 'le' }).slice(2)).toEqual([
      'chu-a',
      'muoi',
      'lam',
      'den-quay-so',
      'muoi',
      'lam',
    ]);
  });
});

describe('Class: Announcer', () => {
  describe('Method: announce', () => {
    it('builds a WAV of the real clips, as long as the clips plus 150 ms between each two, in their format', async () => {
      // Prepare
      const announcer = new Announcer({ clipsDir: bundledClipsDir });
      const clips = announcement('B012', 3);
      const parts = await Promise.all(clips.map((name) => clip(name)));

      // Act
      const wav = parseWav(await announcer.announce('B012', 3));

      // Assess
      expect(wav.format).toMatchObject({ audioFormat: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 });
      const expected = parts.reduce((sum, p) => sum + p.duration, 0) + (clips.length - 1) * 0.15;
      expect(Math.abs(wav.duration - expected)).toBeLessThan(0.001);
      // Each clip is there verbatim, at its place, with silent gaps between.
      let at = 0;
      parts.forEach((part, i) => {
        expect(wav.data.subarray(at, at + part.data.length).equals(part.data), clips[i]).toBe(true);
        at += part.data.length;
        if (i < parts.length - 1) {
          expect(wav.data.subarray(at, at + 4800).every((b) => b === 0)).toBe(true);
          at += 4800;
        }
      });
      expect(at).toBe(wav.data.length);
    });

    it('hands the WAV to play, and returns the same bytes', async () => {
      const play = vi.fn(async (_wav: Buffer) => {});
      const announcer = new Announcer({ clipsDir: bundledClipsDir, play });
      const wav = await announcer.announce('A001', 1);
      expect(play).toHaveBeenCalledOnce();
      expect(play.mock.calls[0]?.[0]).toBe(wav);
    });

    it('fails naming the clip that is missing', async () => {
      const dir = await copyOfClips();
      await rm(join(dir, 'chu-b.wav'));
      const announcer = new Announcer({ clipsDir: dir });
      const error = await announcer.announce('B012', 3).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingClipError);
      expect(error).toMatchObject({
        clip: 'chu-b',
        message: expect.stringContaining("audio clip 'chu-b' is missing"),
      });
    });

    it('fails naming a replaced clip whose format differs from the others', async () => {
      const dir = await copyOfClips();
      const fmt = Buffer.from((await clip('hai', dir)).fmtChunk);
      fmt.writeUInt32LE(44100, 4);
      fmt.writeUInt32LE(88200, 8);
      await writeFile(join(dir, 'hai.wav'), writeWav(fmt, Buffer.alloc(882)));
      const announcer = new Announcer({ clipsDir: dir });
      await expect(announcer.announce('B012', 3)).rejects.toThrow(
        /clip 'hai' differs from clip 'chime' in sampleRate/,
      );
    });

    it("plays a ward's replacement clip at the next call, without a restart", async () => {
      const dir = await copyOfClips();
      const announcer = new Announcer({ clipsDir: dir, gapMs: 0 });
      const before = parseWav(await announcer.announce('B012', 3));
      const chime = await clip('chime', dir);
      await writeFile(join(dir, 'chime.wav'), writeWav(chime.fmtChunk, Buffer.alloc(3200)));
      const after = parseWav(await announcer.announce('B012', 3));
      expect(before.duration - after.duration).toBeCloseTo(chime.duration - 0.1, 6);
    });

    it('refuses a ticket it cannot read before touching any clip', async () => {
      const announcer = new Announcer({ clipsDir: join(tmpdir(), 'no-such-dir') });
      await expect(announcer.announce('b12', 3)).rejects.toThrow(/cannot read ticket 'b12'/);
    });
  });
});
