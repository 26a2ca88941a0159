import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { agentUrl } from './browser.ts';

/** What the counter-desk tests share: the demo agent's counter, its keypad and kiosk, and printing. */

/** The demo agent's counter 2 serves certification and civil status (the seed layout). */
export const COUNTER = 2;
export const DEMO_CLERK = 'clerk.hai-chau-i';
export const DEMO_PIN = '1234';

/**
 * A POST to the demo agent's LAN API, as the kiosk, the rating pad and the counter keypad send
 * them; a counter command carries the keypad's session `token`.
 */
export async function agentPost<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${agentUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

export const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(48 * 1024)]);

/**
 * Headless Chromium has no print dialog, and its PDF viewer crashes the page when asked to
 * print: every frame's print() only counts its calls instead.
 */
export function recordPrinting(): void {
  const frame = globalThis as unknown as { print: () => void; printCalls?: number };
  frame.print = () => {
    frame.printCalls = (frame.printCalls ?? 0) + 1;
  };
}

/** print() calls in the frames showing a blob (the receipt's PDF). */
export async function printCalls(page: Page): Promise<number> {
  const frames = page.frames().filter((f) => f.url().startsWith('blob:'));
  const counts = await Promise.all(
    frames.map((f) =>
      f.evaluate(() => (globalThis as unknown as { printCalls?: number }).printCalls ?? 0).catch(() => 0),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export const nowServing = (page: Page) => page.getByTestId('now-serving').textContent();

/**
 * Calls until `number` is served at the counter. Tickets issued earlier today for the counter's
 * fields come first, and each call shows only once the agent's events reach the cloud.
 */
export async function callUntilServing(page: Page, number: string, call: () => Promise<void>): Promise<void> {
  let served = (await nowServing(page)) ?? '';
  for (let calls = 0; calls < 12 && served !== number; calls++) {
    const before = served;
    await call();
    await expect.poll(() => nowServing(page), { timeout: 20_000, interval: 500 }).not.toBe(before);
    served = (await nowServing(page)) ?? '';
  }
  expect(served).toBe(number);
}

/** Chooses the procedure with the keyboard only: Alt+T, type, ↓, Enter. */
export async function chooseProcedure(page: Page, typed: string): Promise<void> {
  await page.keyboard.press('Alt+KeyT');
  await page.keyboard.type(typed);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
