import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './chromium.ts';

/** The local stack of test/setup/browser.ts. */
export const webUrl = inject('webUrl');
export const agentUrl = inject('agentUrl');
const chromiumPath = inject('chromiumPath');

/** False only outside CI on a machine without Chromium (the setup said so loudly). */
export const hasChromium = chromiumPath !== '';

/** The usual ward PC's screen. */
export const WARD_PC = { width: 1366, height: 768 } as const;
/** A mid-range phone, for the public pages. */
export const PHONE = { width: 390, height: 844 } as const;

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Headless Debian Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium(chromiumPath);
}

/** A fresh browser profile (no storage shared with other tests) at `viewport`, in Vietnamese. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = WARD_PC,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Signs in through the login page as a demo user (password `demo`) and waits for the home screen. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Saves a full-page screenshot as a test artifact: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
