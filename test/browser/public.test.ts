import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierBody, intakeBody } from '../support/intake.ts';
import {
  hasChromium,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  WARD_PC,
  webUrl,
} from './support/browser.ts';

/** A ward without a queue agent, so these dossiers touch nothing the queue tests read (district lien-chieu). */
const WARD = 'hoa-khanh-bac';
const VIEWPORTS = [
  ['phone', PHONE],
  ['ward PC', WARD_PC],
] as const;

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${webUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(username: string): Promise<string> {
  return (await post<{ token: string }>('/v1/local/login', { username, password: 'demo' })).token;
}

/** Receives a dossier at the ward's counter, as the clerk's desk would. */
async function receiveDossier(): Promise<DossierBody> {
  return post<DossierBody>(`/v1/wards/${WARD}/dossiers`, intakeBody(), await tokenOf(`clerk.${WARD}`));
}

async function routeToSpecialist(dossier: DossierBody): Promise<void> {
  await post(
    `/v1/dossiers/${encodeURIComponent(dossier.code)}/actions`,
    { action: 'route', version: dossier.version, assignee: `specialist.${WARD}` },
    await tokenOf(`clerk.${WARD}`),
  );
}

/** The page is no wider than the screen: nothing to scroll sideways on a phone. */
async function expectNoSideScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

const resultOf = (page: Page, code: string) => page.getByRole('region', { name: `Hồ sơ ${code}` });

describe.skipIf(!hasChromium)('public portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of VIEWPORTS) {
    it(`finds birth registration typed with or without marks and opens it (${name})`, async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(webUrl);
      const main = page.getByRole('main');
      expect(await main.getByRole('link', { name: 'Tra cứu hồ sơ', exact: true }).getAttribute('href')).toBe(
        '/lookup',
      );
      expect(await main.getByRole('link', { name: 'Xem hàng đợi', exact: true }).getAttribute('href')).toBe(
        '/queue',
      );
      const results = main.getByRole('list', { name: 'Kết quả tìm kiếm' });
      const birth = results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
      const search = page.getByLabel('Tìm thủ tục');

      // Typed key by key, as a person types: every key stays although the address follows later.
      await search.pressSequentially('dang ky khai sinh');
      expect(await search.inputValue()).toBe('dang ky khai sinh');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('dang ky khai sinh');
      await birth.waitFor();
      await search.fill('khai sinh');
      await expect.poll(() => search.inputValue()).toBe('khai sinh');
      await birth.waitFor();
      expect(await results.getByRole('link', { name: 'Đăng ký kết hôn' }).count()).toBe(0);
      const item = results
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }) });
      expect(await item.textContent()).toContain('1.001193');
      expect(await item.textContent()).toContain('Trong ngày');
      expect(await item.textContent()).toContain('Hộ tịch');

      await page.getByLabel('Lĩnh vực').selectOption({ label: 'Chứng thực' });
      await main.getByText('Không có thủ tục nào khớp').waitFor();
      await page.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
      await birth.waitFor();
      await expectNoSideScroll(page, viewport.width);
      await screenshot(page, viewport === PHONE ? 'public-catalogue-phone' : 'public-catalogue');

      await birth.click();
      await page.waitForURL(`${webUrl}/procedures/1.001193`);
      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      const text = (await main.textContent()) ?? '';
      expect(text).toContain('Trong ngày');
      expect(text).toContain('Luật Hộ tịch 2014, Điều 16');
      expect(text).toContain('Danh mục giấy tờ chưa được công bố; vui lòng liên hệ bộ phận một cửa');
      expect(text).toContain('Bộ phận tiếp nhận và trả kết quả của UBND phường/xã nơi cư trú');
      expect(text).toContain('Quầy 2, 3');
      await expectNoSideScroll(page, viewport.width);
      await screenshot(page, viewport === PHONE ? 'public-procedure-phone' : 'public-procedure');

      // Back to the list keeps the search.
      await main.getByRole('link', { name: 'Danh sách thủ tục', exact: true }).click();
      await expect.poll(() => page.getByLabel('Tìm thủ tục').inputValue()).toBe('khai sinh');
      await context.close();
    });

    it(`shows a dossier's status and its change after "Làm mới" (${name})`, async () => {
      const dossier = await receiveDossier();
      const { context, page } = await newPage(browser, viewport);
      await page.goto(`${webUrl}/lookup`);
      await page.getByLabel('Mã hồ sơ').fill(dossier.code);
      await page.getByLabel('Mã tra cứu').fill(dossier.lookupKey.toLowerCase());
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      const result = resultOf(page, dossier.code);
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain('Đã tiếp nhận');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Chứng thực chữ ký');
      expect(text).toContain('2 – Được tiếp nhận');
      expect(text).toContain('Bạn chưa cần làm gì thêm');
      await expectNoSideScroll(page, viewport.width);
      await screenshot(page, viewport === PHONE ? 'public-lookup-phone' : 'public-lookup');

      await routeToSpecialist(dossier);
      await result.getByRole('button', { name: 'Làm mới' }).click();
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain('4 – Đang xử lý');
      expect(await result.getByText('Đang xử lý', { exact: true }).count()).toBeGreaterThan(0);
      await context.close();
    });
  }

  it('shows the procedure in English when English is chosen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${webUrl}/procedures/1.000894`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký kết hôn' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'Có thể kéo dài thêm tối đa 5 ngày làm việc',
    );
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Marriage registration' }).waitFor();
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain('Same day');
    expect(text).toContain('Counter 2, 3 (Civil status)');
    expect(text).toContain('Documents to submit');
    await context.close();
  });

  it('says only "not found" for a wrong key or a wrong code, and hides the previous answer', async () => {
    const dossier = await receiveDossier();
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${webUrl}/lookup`);
    const notFound = page.getByText('Không tìm thấy hồ sơ với mã và mã tra cứu này');
    const submit = page.getByRole('button', { name: 'Tra cứu', exact: true });
    const lookUp = async (code: string, key: string) => {
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByLabel('Mã tra cứu').fill(key);
      await submit.click();
    };
    // "Not found" stays on screen while the next answer loads: each wrong pair follows the right
    // one, so the "not found" waited for is the answer to it.
    const lookUpRight = async () => {
      await lookUp(dossier.code, dossier.lookupKey);
      await resultOf(page, dossier.code).waitFor();
    };

    await lookUpRight();
    await lookUp(dossier.code, dossier.lookupKey === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ');
    await notFound.waitFor();
    expect(await resultOf(page, dossier.code).count()).toBe(0);

    await lookUpRight();
    await lookUp(dossier.code.replace(/-\d{4}$/, '-9999'), dossier.lookupKey);
    await notFound.waitFor();

    await lookUpRight();
    // A code no ward issues is answered the same, without asking any district.
    await lookUp('999.99.99.H99-260101-0001', dossier.lookupKey);
    await notFound.waitFor();

    await lookUp('', '');
    await page.getByText('Vui lòng nhập mã hồ sơ.').waitFor();
    await page.getByText('Vui lòng nhập mã tra cứu.').waitFor();
    await context.close();
  });

  it('looks the dossier up at once from the receipt QR address', async () => {
    const dossier = await receiveDossier();
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(
      `${webUrl}/lookup?code=${encodeURIComponent(dossier.code)}&key=${encodeURIComponent(dossier.lookupKey)}`,
    );
    await expect
      .poll(() => resultOf(page, dossier.code).textContent(), { timeout: 15_000 })
      .toContain('Đã tiếp nhận');
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(dossier.code);
    expect(await page.getByLabel('Mã tra cứu').inputValue()).toBe(dossier.lookupKey);
    // Browsers without a barcode reader get no scan button.
    const hasReader = (await page.evaluate('typeof BarcodeDetector')) !== 'undefined';
    expect(await page.getByRole('button', { name: 'Quét mã QR' }).count()).toBe(hasReader ? 1 : 0);
    await context.close();
  });

  it('reads the receipt QR code with the camera where the browser can decode it', async () => {
    const dossier = await receiveDossier();
    const scanned = `https://motcua.example/lookup?code=${encodeURIComponent(dossier.code)}&key=${dossier.lookupKey}`;
    const { context, page } = await newPage(browser, PHONE);
    // A stand-in camera (a blank canvas) and a barcode reader that "sees" the receipt's QR code.
    await context.addInitScript(`
      window.BarcodeDetector = class { async detect() { return [{ rawValue: ${JSON.stringify(scanned)} }]; } };
      const camera = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        canvas.getContext('2d').fillRect(0, 0, 64, 64);
        return canvas.captureStream(5);
      };
      if (!navigator.mediaDevices) Object.defineProperty(navigator, 'mediaDevices', { value: {} });
      navigator.mediaDevices.getUserMedia = camera;
    `);
    await page.goto(`${webUrl}/lookup`);
    await page.getByRole('button', { name: 'Quét mã QR' }).click();
    await expect
      .poll(() => resultOf(page, dossier.code).textContent(), { timeout: 15_000 })
      .toContain('Đã tiếp nhận');
    expect(await page.getByLabel('Mã tra cứu').inputValue()).toBe(dossier.lookupKey);
    await context.close();
  });

  it('lists the wards by district and opens the live board of hai-chau-i', async () => {
    for (const viewport of [PHONE, WARD_PC]) {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(`${webUrl}/queue`);
      const main = page.getByRole('main');
      await main.getByRole('heading', { name: 'Quận Liên Chiểu' }).waitFor();
      await page.getByLabel('Tìm phường, xã').fill('hai chau');
      // Shown until the filter applies, so its disappearance is the filter's doing.
      await expect.poll(() => main.getByRole('heading', { name: 'Quận Liên Chiểu' }).count()).toBe(0);
      await main.getByRole('link', { name: 'Phường Hải Châu I', exact: true }).click();
      await page.waitForURL(`${webUrl}/queue/hai-chau-i`);

      // The agent reports in its own time: wait until the board has figures.
      const counters = page.getByRole('region', { name: 'Đang phục vụ' });
      const waiting = page.getByRole('region', { name: 'Đang chờ' });
      await counters.waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: 'Phường Hải Châu I' }).waitFor();
      expect(await counters.getByRole('heading', { name: 'Quầy 1', exact: true }).count()).toBe(1);
      expect(await waiting.getByRole('listitem').count()).toBeGreaterThan(0);
      for (const figure of await waiting.locator('.waiting-number [aria-hidden="true"]').allTextContents())
        expect(figure).toMatch(/^\d+$/);
      expect(await page.getByText(/^Cập nhật lúc \d{2}:\d{2}:\d{2}$/).count()).toBe(1);
      await expectNoSideScroll(page, viewport.width);
      await screenshot(page, viewport === PHONE ? 'public-queue-board-phone' : 'public-queue-board');
      await context.close();
    }
  });

  it('refreshes the board by itself and says when the ward is offline', async () => {
    const { context, page } = await newPage(browser, WARD_PC);
    let calls = 0;
    await page.route(`**/v1/public/wards/${WARD}/queue`, (route) => {
      calls += 1;
      return route.fulfill({
        json: {
          ward: { id: WARD, name: 'Phường Hòa Khánh Bắc' },
          agentOnline: false,
          lastSeenAt: '2026-01-15T02:00:00Z',
          counters: [
            { counter: 2, fields: ['chung-thuc', 'ho-tich'], serving: calls === 1 ? '2005' : '2006' },
            { counter: 4, fields: ['xay-dung-nha-o-dat-dai'] },
          ],
          fields: [
            { field: 'ho-tich', name: 'Hộ tịch', waiting: 3 },
            { field: 'chung-thuc', name: 'Chứng thực', waiting: 1 },
          ],
        },
      });
    });
    await page.goto(`${webUrl}/queue/${WARD}`);
    await page
      .getByText('Hệ thống xếp hàng của phường đang mất kết nối; số liệu có thể chưa cập nhật')
      .waitFor();
    expect(await page.getByRole('main').textContent()).toContain('15/01/2026 09:00');
    const counter2 = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Quầy 2' }) });
    expect(await counter2.textContent()).toContain('2005');
    expect(await counter2.textContent()).toContain('Chứng thực, Hộ tịch');
    const counter4 = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Quầy 4' }) });
    expect(await counter4.textContent()).toContain('Chưa gọi số');
    expect(await page.getByText('Tổng số người đang chờ: 4').count()).toBe(1);
    await expect.poll(() => counter2.textContent(), { timeout: 20_000 }).toContain('2006');
    await context.close();
  });
});
