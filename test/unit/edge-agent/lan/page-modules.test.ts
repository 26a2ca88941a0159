import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR } from '../../../../edge-agent/src/lan/static.ts';

/**
 * The pages' logic that needs no DOM, run in Node. The files are plain browser JavaScript with
 * no type declarations, so they are imported by URL and typed loosely here.
 */

// biome-ignore lint/suspicious/noExplicitAny: untyped browser modules
type Module = any;
const load = (name: string): Promise<Module> =>
  import(/* @vite-ignore */ pathToFileURL(join(PAGES_DIR, name)).href);

let AudioQueue: Module;
let messages: Module;
beforeAll(async () => {
  ({ AudioQueue } = await load('audio-queue.js'));
  messages = await load('messages.js');
});

/** An <audio> stand-in: `play` resolves (or rejects with `refuse`), `finish` fires "ended". */
class FakeAudio extends EventTarget {
  paused = false;
  constructor(
    readonly url: string,
    private readonly refuse?: string,
  ) {
    super();
  }
  play(): Promise<void> {
    if (!this.refuse) return Promise.resolve();
    return Promise.reject(Object.assign(new Error('refused'), { name: this.refuse }));
  }
  pause(): void {
    this.paused = true;
  }
  finish(): void {
    this.dispatchEvent(new Event('ended'));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(refuse: () => string | undefined = () => undefined) {
  const created: FakeAudio[] = [];
  let blocked = 0;
  const queue = new AudioQueue({
    createAudio: (url: string) => {
      const audio = new FakeAudio(url, refuse());
      created.push(audio);
      return audio;
    },
    onBlocked: () => blocked++,
    maxPending: 3,
  });
  return { queue, created, blockedCount: () => blocked };
}

describe('Class: AudioQueue', () => {
  it('plays calls one at a time, in order', async () => {
    const { queue, created } = setup();

    queue.enqueue('/a.wav');
    queue.enqueue('/b.wav');
    await tick();
    expect(created.map((a) => a.url)).toEqual(['/a.wav']);

    created[0]?.finish();
    await tick();
    expect(created.map((a) => a.url)).toEqual(['/a.wav', '/b.wav']);
  });

  it('waits when the browser blocks sound, then plays the same call after unlock', async () => {
    let refuse: string | undefined = 'NotAllowedError';
    const { queue, created, blockedCount } = setup(() => refuse);

    queue.enqueue('/a.wav');
    await tick();
    queue.enqueue('/b.wav');
    await tick();
    expect(blockedCount()).toBe(1);
    expect(queue.blocked).toBe(true);
    expect(queue.pending).toBe(2);

    refuse = undefined;
    queue.unlock();
    await tick();
    expect(created.map((a) => a.url)).toEqual(['/a.wav', '/a.wav']);
  });

  it('skips a call whose file fails and goes on', async () => {
    let refuse: string | undefined = 'NotSupportedError';
    const { queue, created } = setup(() => {
      const now = refuse;
      refuse = undefined;
      return now;
    });

    queue.enqueue('/broken.wav');
    queue.enqueue('/b.wav');
    await tick();
    await tick();

    expect(created.map((a) => a.url)).toEqual(['/broken.wav', '/b.wav']);
    expect(queue.blocked).toBe(false);
  });

  it('drops the oldest calls when too many wait', async () => {
    const { queue } = setup(() => 'NotAllowedError');

    for (const name of ['a', 'b', 'c', 'd', 'e']) queue.enqueue(`/${name}.wav`);
    await tick();

    expect(queue.pending).toBe(3);
  });
});

describe('Module: messages', () => {
  it('speaks plain Vietnamese for known codes, then by status, then a fallback', () => {
    expect(messages.messageFor({ code: 'nobody_waiting', status: 409 })).toBe(
      'Hiện không có ai đang chờ ở các lĩnh vực của quầy.',
    );
    expect(messages.messageFor({ code: 'something_new', status: 503 })).toBe(
      'Hệ thống đang tạm bận. Vui lòng thử lại sau giây lát.',
    );
    expect(messages.messageFor(new Error('x'))).toBe(
      'Đã có lỗi xảy ra. Vui lòng thử lại hoặc báo cán bộ hỗ trợ.',
    );
  });

  it('reads the ward clock from the ISO time, whatever the browser zone', () => {
    expect(messages.timeOf('2026-03-02T08:15:42+07:00')).toBe('08:15');
    expect(messages.timeOf(undefined)).toBe('');
  });

  it.each([
    ['b12', 'B012'],
    [' C 007 ', 'C007'],
    ['A0012', 'A012'],
    ['12', ''],
    ['AB12', ''],
  ])('normalises the typed number %j to %j', (typed, expected) => {
    expect(messages.normaliseTicketNumber(typed)).toBe(expected);
  });
});
