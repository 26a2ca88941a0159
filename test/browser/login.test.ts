import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

describe.skipIf(!hasChromium)('login', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says so next to the form when the password is wrong, in Vietnamese', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${webUrl}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByLabel('Tên đăng nhập').fill('clerk.hai-chau-i');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Sai tên đăng nhập hoặc mật khẩu');
    await screenshot(page, 'login-wrong-password');
    await context.close();
  });

  it('names the empty fields instead of calling the API', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${webUrl}/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Vui lòng nhập tên đăng nhập.').waitFor();
    await page.getByText('Vui lòng nhập mật khẩu.').waitFor();
    await context.close();
  });

  it('sends a clerk to the counter desk and shows only the screens the role may use', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'clerk.hai-chau-i');
    expect(new URL(page.url()).pathname).toBe('/desk');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect.poll(() => nav.getByRole('link', { name: 'Quầy tiếp nhận' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await context.close();
  });

  it('switches the whole page and its lang to English', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
