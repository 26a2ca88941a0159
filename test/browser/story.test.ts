import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, PHONE, screenshot, signIn, webUrl } from './support/browser.ts';
import {
  agentPost,
  COUNTER,
  callUntilServing,
  chooseProcedure,
  DEMO_CLERK,
  DEMO_PIN,
  png,
  printCalls,
  recordPrinting,
} from './support/desk.ts';

const WARD = 'hai-chau-i';

/** Opens the dossier page and takes one action through its dialog (the assignee keeps its default). */
async function act(page: Page, code: string, button: string): Promise<void> {
  await page.goto(`${webUrl}/dossiers/${encodeURIComponent(code)}`);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('dialog', { name: button }).getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText(`Đã thực hiện: ${button}.`).waitFor();
}

/** The citizen's lookup card, refreshed: its status should read `status`. */
async function expectCitizenSees(page: Page, code: string, status: string): Promise<void> {
  const card = page.getByRole('region', { name: `Hồ sơ ${code}` });
  await card.getByRole('button', { name: 'Làm mới' }).click();
  await expect.poll(() => card.textContent()).toContain(status);
}

describe.skipIf(!hasChromium)(
  'one dossier from the queue ticket to the returned result, every role in the browser',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('is called, received, scanned, printed, processed, approved, returned, and followed by the citizen', async () => {
      // The clerk sits at counter 2 (logged in at its keypad); a citizen takes a number at the kiosk.
      await agentPost(`/api/counters/${COUNTER}/login`, { clerk: DEMO_CLERK, pin: DEMO_PIN });
      const ticket = await agentPost<{ number: string }>('/api/tickets', { field: 'ho-tich' });

      const clerk = await newPage(browser);
      await clerk.context.addInitScript(recordPrinting);
      await signIn(clerk.page, DEMO_CLERK);
      await clerk.page.getByLabel('Quầy làm việc').selectOption(String(COUNTER));
      await callUntilServing(clerk.page, ticket.number, () =>
        clerk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click(),
      );

      await chooseProcedure(clerk.page, 'khai sinh');
      await clerk.page.getByLabel('Họ và tên').fill('Trần Thị Mai');
      await clerk.page.getByLabel('Tên giấy tờ 1').fill('Tờ khai đăng ký khai sinh');
      await clerk.page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      await clerk.page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
      const code = (await clerk.page.getByTestId('dossier-code').textContent()) ?? '';
      const key = (await clerk.page.getByTestId('lookup-key').textContent()) ?? '';
      await clerk.page.getByLabel('Chọn tệp bản quét').setInputFiles({
        name: 'to-khai.png',
        mimeType: 'image/png',
        buffer: png(),
      });
      await expect.poll(() => clerk.page.getByText('Đã xong').count(), { timeout: 20_000 }).toBe(1);
      const receipt = clerk.page.waitForResponse((r) => r.url().includes('/forms/01'));
      await clerk.page.getByRole('button', { name: 'In phiếu tiếp nhận' }).click();
      expect((await receipt).status()).toBe(200);
      await expect.poll(() => printCalls(clerk.page)).toBe(1);
      await clerk.page.getByRole('button', { name: 'Hoàn thành' }).click();

      // The citizen opens the receipt's QR address on a phone.
      const citizen = await newPage(browser, PHONE);
      await citizen.page.goto(
        `${webUrl}/lookup?code=${encodeURIComponent(code)}&key=${encodeURIComponent(key)}`,
      );
      await expect
        .poll(() => citizen.page.getByRole('region', { name: `Hồ sơ ${code}` }).textContent())
        .toContain('Đã tiếp nhận');

      // The clerk hands it to the ward's specialist.
      await act(clerk.page, code, 'Chuyển xử lý');
      await expectCitizenSees(citizen.page, code, 'Đang xử lý');

      const specialist = await newPage(browser);
      await signIn(specialist.page, `specialist.${WARD}`);
      await specialist.page.getByRole('tab', { name: 'Được giao cho tôi' }).click();
      await specialist.page.getByRole('link', { name: code }).click();
      await specialist.page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      await specialist.page.getByRole('button', { name: 'to-khai.png' }).click();
      await specialist.page.getByRole('dialog', { name: 'to-khai.png' }).getByRole('img').waitFor();
      await specialist.page.keyboard.press('Escape');
      await act(specialist.page, code, 'Trình phê duyệt');
      await expectCitizenSees(citizen.page, code, 'Chờ lãnh đạo phê duyệt');

      const leader = await newPage(browser);
      await signIn(leader.page, `leader.${WARD}`);
      await leader.page.getByRole('tab', { name: 'Chờ phê duyệt' }).click();
      await leader.page.getByRole('link', { name: code }).waitFor();
      await act(leader.page, code, 'Phê duyệt');
      await expectCitizenSees(citizen.page, code, 'Đã phê duyệt');

      await act(specialist.page, code, 'Có kết quả');
      await expectCitizenSees(citizen.page, code, 'Có kết quả');

      await act(clerk.page, code, 'Trả kết quả');
      await expectCitizenSees(citizen.page, code, 'Đã trả kết quả');
      await screenshot(citizen.page, 'story-citizen-returned');

      // The history the ward keeps (form 06) has every step, once the page has reloaded the dossier.
      const history = clerk.page.getByRole('table', { name: 'Lịch sử xử lý' });
      await history.filter({ hasText: 'Trả kết quả' }).waitFor();
      for (const step of [
        'Chuyển xử lý',
        'Trình lãnh đạo phê duyệt',
        'Phê duyệt',
        'Có kết quả',
        'Trả kết quả',
      ])
        expect(await history.textContent()).toContain(step);
      await screenshot(clerk.page, 'story-dossier-returned');
      // The screen's own stylesheet applies (each is scoped to its screen's wrapper).
      expect(
        await clerk.page.evaluate("getComputedStyle(document.querySelector('.dossier-grid')).display"),
      ).toBe('grid');

      // A wrong key says only "not found"; a clerk of another ward cannot open the dossier.
      await citizen.page.goto(`${webUrl}/lookup?code=${encodeURIComponent(code)}&key=AAAAAAAA`);
      await citizen.page.getByText('Không tìm thấy hồ sơ với mã và mã tra cứu này').waitFor();
      const stranger = await newPage(browser);
      await signIn(stranger.page, 'clerk.thach-thang');
      await stranger.page.goto(`${webUrl}/dossiers/${encodeURIComponent(code)}`);
      await stranger.page.getByText('Bạn không có quyền xem hồ sơ này').waitFor();
      expect(await stranger.page.getByText('Trần Thị Mai').count()).toBe(0);

      for (const { context } of [clerk, citizen, specialist, leader, stranger]) await context.close();
    });
  },
);
