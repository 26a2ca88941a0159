import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * Where a rating pad's key presses come from: anything that emits 'key' with the key pressed
 * ('1'…'4'). Any EventEmitter fits; `keysFromStream` makes one of a stream of characters.
 */
export interface KeySource {
  on(event: 'key', listener: (key: string) => void): unknown;
  off(event: 'key', listener: (key: string) => void): unknown;
}

/**
 * The keys typed on a readable of characters. A USB rating pad is a keyboard: read it from its
 * terminal in raw mode (NumLock on, or the keypad sends escape sequences instead of digits), or
 * from any stream that carries what it types. Each character is one press.
 */
export function keysFromStream(stream: Readable): KeySource {
  const handlers = new Map<(key: string) => void, (chunk: Buffer | string) => void>();
  return {
    on(_event, listener) {
      // A decoder per listener: a multi-byte character split across chunks stays one key.
      const decoder = new StringDecoder('utf8');
      const onData = (chunk: Buffer | string) => {
        for (const key of typeof chunk === 'string' ? chunk : decoder.write(chunk)) listener(key);
      };
      handlers.set(listener, onData);
      stream.on('data', onData);
    },
    off(_event, listener) {
      const onData = handlers.get(listener);
      if (!onData) return;
      handlers.delete(listener);
      // Presses while nobody listens are dropped, not replayed as late ratings.
      stream.off('data', onData);
    },
  };
}
