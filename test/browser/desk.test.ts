import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
import {
  agentPost,
  COUNTER,
  callUntilServing,
  chooseProcedure,
  DEMO_CLERK,
  DEMO_PIN,
  nowServing,
  png,
  printCalls,
  recordPrinting,
} from './support/desk.ts';

describe.skipIf(!hasChromium)('counter desk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('calls the kiosk’s ticket, receives a dossier by keyboard, uploads a scan and prints the receipt', async () => {
    // The clerk is logged in at the counter's keypad: the agent serves only staffed counters.
    await agentPost(`/api/counters/${COUNTER}/login`, { clerk: DEMO_CLERK, pin: DEMO_PIN });
    const ticket = await agentPost<{ number: string }>('/api/tickets', { field: 'ho-tich' });

    const { context, page } = await newPage(browser);
    await context.addInitScript(recordPrinting);
    await signIn(page, DEMO_CLERK);
    expect(new URL(page.url()).pathname).toBe('/desk');
    await page.getByLabel('Quầy làm việc').selectOption(String(COUNTER));
    await expect
      .poll(() => page.getByText('Máy trạm phường: đang kết nối').count(), { timeout: 20_000 })
      .toBe(1);

    await callUntilServing(page, ticket.number, () =>
      page.getByRole('button', { name: 'Gọi số tiếp theo' }).click(),
    );
    expect(await page.getByRole('button', { name: 'Hoàn thành' }).isEnabled()).toBe(true);
    await screenshot(page, 'desk-queue-panel');

    // Intake with the keyboard only.
    await chooseProcedure(page, 'khai sinh');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Thủ tục' }).inputValue())
      .toBe('Đăng ký khai sinh');
    await expect
      .poll(() => page.getByTestId('intake-due').textContent())
      .toMatch(/^\d{2}\/\d{2}\/\d{4} 17:00$/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nguyễn Văn Bình');
    await page.keyboard.press('Tab');
    await page.keyboard.type('048190000123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0905 123 456');
    // E-mail and address stay empty; the next input is the first document's name.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Tờ khai đăng ký khai sinh');
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn Bình');
    await expect.poll(() => page.getByLabel('Tên giấy tờ 1').inputValue()).toBe('Tờ khai đăng ký khai sinh');
    await screenshot(page, 'desk-intake');
    await page.keyboard.press('Alt+KeyS');

    const heading = page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' });
    await heading.waitFor();
    // Focus moves to the result once it is on screen.
    await expect.poll(() => page.locator('#result-heading:focus').count()).toBe(1);
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
    expect(await page.getByTestId('lookup-key').textContent()).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(await page.getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href')).toBe(
      `/dossiers/${encodeURIComponent(code)}`,
    );

    await page.getByLabel('Chọn tệp bản quét').setInputFiles({
      name: 'to-khai-khai-sinh.png',
      mimeType: 'image/png',
      buffer: png(),
    });
    const progress = page.getByRole('progressbar', { name: 'Tiến độ tải to-khai-khai-sinh.png' });
    await expect.poll(() => page.getByText('Đã xong').count(), { timeout: 20_000 }).toBe(1);
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');

    const receipt = page.waitForResponse((r) => r.url().includes(`/forms/01`));
    await page.getByRole('button', { name: 'In phiếu tiếp nhận' }).click();
    const response = await receipt;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.url()).toContain(encodeURIComponent(code));
    await expect.poll(() => printCalls(page)).toBe(1);
    await screenshot(page, 'desk-result');

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Thủ tục' }).inputValue()).toBe('');
    await context.close();
  });

  it('transfers the ticket being served to another field, calls it again by shortcut and marks it absent', async () => {
    await agentPost(`/api/counters/${COUNTER}/login`, { clerk: DEMO_CLERK, pin: DEMO_PIN });
    const ticket = await agentPost<{ number: string }>('/api/tickets', { field: 'ho-tich' });
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO_CLERK);
    await page.getByLabel('Quầy làm việc').selectOption(String(COUNTER));
    // This browser remembers the counter its clerk sits at.
    await page.reload();
    await expect.poll(() => page.getByLabel('Quầy làm việc').inputValue()).toBe(String(COUNTER));
    await callUntilServing(page, ticket.number, () => page.keyboard.press('Alt+KeyN'));

    // Counter 2 also serves certification: the ticket moves there and keeps its place.
    const target = page.getByLabel('Chuyển sang lĩnh vực');
    expect(await target.locator('option', { hasText: 'Hộ tịch' }).count()).toBe(0);
    await target.selectOption('chung-thuc');
    await page.getByRole('button', { name: 'Chuyển lĩnh vực' }).click();
    await expect.poll(() => nowServing(page), { timeout: 20_000, interval: 500 }).toBe('—');
    await callUntilServing(page, ticket.number, () => page.keyboard.press('Alt+KeyN'));

    await page.getByRole('button', { name: 'Vắng mặt' }).click();
    await expect.poll(() => nowServing(page), { timeout: 20_000, interval: 500 }).toBe('—');
    expect(await page.getByRole('button', { name: 'Vắng mặt' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('names an empty applicant next to the field in Vietnamese and sends nothing; refuses with a reason', async () => {
    const { context, page } = await newPage(browser);
    // A ward without an agent: its own dossiers, and the desk says the agent is offline.
    await signIn(page, 'clerk.thach-thang');
    const intakes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/v1\/wards\/[^/]+\/dossiers$/.test(r.url())) intakes.push(r.url());
    });
    await expect
      .poll(() => page.getByText('Máy trạm phường: mất kết nối').count(), { timeout: 15_000 })
      .toBe(1);

    await chooseProcedure(page, 'chung thuc chu ky');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Thủ tục' }).inputValue())
      .toBe('Chứng thực chữ ký');
    await page.getByLabel('Tên giấy tờ 1').fill('Giấy tờ cần chứng thực chữ ký');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();

    const name = page.getByLabel('Họ và tên');
    const field = page.locator('.field', { has: name });
    await expect
      .poll(() => field.getByRole('alert').textContent())
      .toBe('Vui lòng nhập họ và tên người nộp.');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('input[aria-invalid="true"]:focus').count()).toBe(1);
    expect(intakes).toEqual([]);
    await screenshot(page, 'desk-intake-errors');

    await name.fill('Lê Thị Hoa');
    await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
    await page.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    await expect.poll(() => page.getByText('Vui lòng nhập lý do từ chối.').count()).toBe(1);
    expect(intakes).toEqual([]);
    await page.getByLabel('Lý do từ chối').fill('Giấy tờ không thuộc thẩm quyền chứng thực của phường.');
    await page.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    await page.getByRole('heading', { name: 'Đã ghi nhận từ chối tiếp nhận' }).waitFor();
    expect(intakes).toHaveLength(1);

    const notice = page.waitForResponse((r) => r.url().includes('/forms/03'));
    await page.getByRole('button', { name: 'In phiếu từ chối' }).click();
    const response = await notice;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await context.close();
  });
});
