import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

/**
 * The golden dossiers of two Hải Châu wards, moved to two Sơn Trà wards no other test writes to
 * (with their own source ids), so the October 2025 figures of Sơn Trà are exactly these rows'.
 */
const WARDS: Record<string, string> = { 'hai-chau-i': 'tho-quang', 'thach-thang': 'man-thai' };
const PERIOD = 'period=custom&from=2025-10-01&to=2025-10-31';

/**
 * Report II.06a cells (test/fixtures/golden/expected.ts: Hải Châu I and Thạch Thang), in the
 * form's order: received total, online, in person, carried over; resolved total, early, on time,
 * late; pending total, within deadline, overdue; refused; withdrawn.
 */
const THO_QUANG = ['11', '2', '7', '2', '6', '1', '3', '2', '3', '1', '2', '1', '1'];
const MAN_THAI = ['8', '2', '3', '3', '4', '1', '2', '1', '2', '1', '1', '1', '1'];
const SON_TRA = ['19', '4', '10', '5', '10', '2', '5', '3', '5', '2', '3', '2', '2'];

async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${webUrl}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function importDossiers(token: string): Promise<{ imported: number; errors: unknown[] }> {
  const golden = await readFile(join(process.cwd(), 'test/fixtures/golden/dossiers.ndjson'), 'utf8');
  const rows = golden
    .split('\n')
    .filter((line) => /"wardId":"(hai-chau-i|thach-thang)"/.test(line))
    .map((line) =>
      line
        .replace(/"sourceId":"GOLDEN-/, '"sourceId":"dash-')
        .replace(/hai-chau-i|thach-thang/g, (ward) => WARDS[ward] ?? ward),
    );
  expect(rows).toHaveLength(21);
  const res = await fetch(`${webUrl}/v1/import/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: `${rows.join('\n')}\n`,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { imported: number; errors: unknown[] };
}

/** Sơn Trà's received total in report II.06a, once the stream aggregation has counted the rows. */
async function sonTraReceived(token: string): Promise<number | undefined> {
  const res = await fetch(
    `${webUrl}/v1/reports/06a?scope=district:son-tra&from=2025-10-01&to=2025-10-31&format=json`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!res.ok) return undefined;
  return ((await res.json()) as { totals: { received: { total: number } } }).totals.received.total;
}

/** The figures of a report row, by the name in its first cell. */
async function reportRow(page: Page, name: string): Promise<string[]> {
  const row = page.locator('table.report-table tr').filter({ has: page.getByRole('rowheader', { name }) });
  return row.locator('td').allTextContents();
}

describe.skipIf(!hasChromium)('dashboards', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    const city = await tokenOf('city');
    const result = await importDossiers(city);
    expect(result.errors).toEqual([]);
    // The stream aggregation counts the imported rows a moment after they are written.
    const deadline = Date.now() + 90_000;
    let received = await sonTraReceived(city);
    while (received !== 19 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      received = await sonTraReceived(city);
    }
    expect(received).toBe(19);
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the city pick a period, read report II.06a, drill down to a ward and export Excel', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'city');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { name: 'Thống kê: Thành phố Đà Nẵng' }).waitFor();
    // The current month by default.
    await expect.poll(() => page.locator('.period-label').textContent()).toMatch(/^Tháng \d{2}\/\d{4}$/);

    await page.getByLabel('Loại kỳ').selectOption({ label: 'Tùy chọn' });
    await page.getByLabel('Từ ngày').fill('30/02/2025');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByText('Nhập ngày theo dạng dd/mm/yyyy, ví dụ 01/10/2025.').waitFor();
    await page.getByLabel('Từ ngày').fill('01/10/2025');
    await page.getByLabel('Đến ngày').fill('31/10/2025');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.locator('.period-label').textContent()).toBe('01/10/2025 – 31/10/2025');
    const breakdown = page.getByRole('region', { name: 'Theo quận, huyện' });
    await breakdown.getByRole('img').first().waitFor();
    expect(await breakdown.getByRole('img').first().getAttribute('aria-label')).toContain('Quận Sơn Trà 14');
    await screenshot(page, 'dashboards-city');

    await page.getByRole('tab', { name: 'Báo cáo II.06a' }).click();
    await expect.poll(() => reportRow(page, 'Quận Sơn Trà')).toEqual(SON_TRA);

    // Drilling down keeps the period and the tab in the address.
    await page.getByRole('table').getByRole('link', { name: 'Quận Sơn Trà' }).click();
    await page.getByRole('heading', { name: 'Thống kê: Quận Sơn Trà' }).waitFor();
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      scope: 'district:son-tra',
      period: 'custom',
      from: '2025-10-01',
      to: '2025-10-31',
      tab: 'report',
    });
    await expect.poll(() => reportRow(page, 'Phường Thọ Quang')).toEqual(THO_QUANG);
    expect(await reportRow(page, 'Phường Mân Thái')).toEqual(MAN_THAI);
    expect(await reportRow(page, 'Tổng cộng')).toEqual(SON_TRA);
    await screenshot(page, 'dashboards-report');

    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/v1/reports/06a') && r.url().includes('format=xlsx')),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(download.suggestedFilename()).toBe('bao-cao-II06a-district-son-tra-2025-10-01-2025-10-31.xlsx');
    const file = await download.path();
    expect((await stat(file)).size).toBeGreaterThan(0);

    // The same totals whatever the breakdown.
    await page.getByLabel('Lĩnh vực').check();
    await expect.poll(() => reportRow(page, 'Hộ tịch').then((cells) => cells.length)).toBe(13);
    expect(await reportRow(page, 'Tổng cộng')).toEqual(SON_TRA);

    await page.getByRole('tab', { name: 'Hồ sơ' }).click();
    await page.getByRole('region', { name: 'Theo phường, xã' }).getByRole('table').waitFor();
    await screenshot(page, 'dashboards-district');

    await page
      .getByRole('region', { name: 'Theo phường, xã' })
      .getByRole('link', { name: 'Phường Thọ Quang' })
      .click();
    await page.getByRole('heading', { name: 'Thống kê: Phường Thọ Quang' }).waitFor();
    const trail = page.getByRole('navigation', { name: 'Cấp đơn vị' });
    expect(await trail.getByRole('link').allTextContents()).toEqual(['Thành phố Đà Nẵng', 'Quận Sơn Trà']);
    const overdue = page.getByRole('region', { name: /Hồ sơ đang quá hạn/ });
    await overdue.getByRole('link').first().waitFor();
    expect(await overdue.getByRole('link').first().getAttribute('href')).toMatch(
      /^\/dossiers\/000\.01\.03\.H17-/,
    );
    expect(await page.getByRole('tab', { name: 'Thiết bị' }).count()).toBe(1);
    await screenshot(page, 'dashboards-ward');
    // No ticket was issued in Thọ Quang in October 2025: each panel says so instead of drawing nothing.
    for (const tab of ['Hàng đợi', 'Mức độ hài lòng', 'Thiết bị']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByText('Chưa có số liệu trong kỳ này').waitFor();
    }
    await context.close();
  });

  it('keeps a district official to their own district', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'district.hai-chau');
    await page.goto(`${webUrl}/dashboards?${PERIOD}`);
    await page.getByRole('heading', { name: 'Thống kê: Quận Hải Châu' }).waitFor();
    const trail = page.getByRole('navigation', { name: 'Cấp đơn vị' });
    expect(await trail.getByRole('link').count()).toBe(0);

    await page.goto(`${webUrl}/dashboards?scope=district:son-tra&${PERIOD}`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Bạn không có quyền xem số liệu của đơn vị này.');
    expect(await page.getByRole('tab').count()).toBe(0);
    await page.getByRole('link', { name: 'Xem số liệu của Quận Hải Châu' }).click();
    await page.getByRole('heading', { name: 'Thống kê: Quận Hải Châu' }).waitFor();

    // The API refuses too: the page only spares the round trip.
    const token = await tokenOf('district.hai-chau');
    const res = await fetch(
      `${webUrl}/v1/dashboards/dossiers?scope=district:son-tra&from=2025-10-01&to=2025-10-31`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(403);
    await context.close();
  });
});
