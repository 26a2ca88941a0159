import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../edge-agent/src/sessions.ts';
import type { WardConfig } from '../../edge-agent/src/ward-config.ts';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

const WARD = 'hai-chau-i';
const ADMIN = `admin.${WARD}`;
const CONFIG_PATH = `/v1/wards/${WARD}/queue/config`;

async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${webUrl}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function getConfig(token: string): Promise<WardConfig> {
  const res = await fetch(`${webUrl}${CONFIG_PATH}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as WardConfig;
}

async function putConfig(token: string, config: WardConfig): Promise<void> {
  const res = await fetch(`${webUrl}${CONFIG_PATH}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(res.status, await res.text()).toBe(200);
}

async function openAdmin(page: Page): Promise<void> {
  await signIn(page, ADMIN);
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.getByRole('checkbox', { name: 'Quầy 1: Văn thư' }).waitFor();
}

describe.skipIf(!hasChromium)('ward admin page', () => {
  let browser: Browser;
  let token: string;
  /** The layout every test starts from; other test files use this ward's queue, so it is put back. */
  let baseline: WardConfig;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await tokenOf(ADMIN);
    const stored = await getConfig(token);
    // A config from the cloud replaces the agent's local staff list: keep the demo clerk (PIN
    // 1234) able to log in at the counters for the other test files.
    const staff = stored.staff.length
      ? stored.staff
      : [{ id: `clerk.${WARD}`, name: 'Công chức tiếp nhận (demo)', pinHash: hashPin('1234') }];
    baseline = { ...stored, version: stored.version + 1, staff };
    await putConfig(token, baseline);
  });

  afterAll(async () => {
    if (baseline) {
      const current = await getConfig(token);
      await putConfig(token, { ...baseline, version: current.version + 1 });
    }
    await browser?.close();
  });

  it('shows the counters with their fields, the staff and the demo agent’s printer, and the procedures', async () => {
    const { context, page } = await newPage(browser);
    await openAdmin(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Quản trị Phường Hải Châu I');
    const countersTab = page.getByRole('tab', { name: 'Quầy và lĩnh vực' });
    expect(await countersTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('heading', { name: 'Quầy và lĩnh vực' }).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Quầy 2: Hộ tịch' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Quầy 2: Thuế' }).isChecked()).toBe(false);
    expect(await page.getByText(`Phiên bản cấu hình: ${baseline.version}`).isVisible()).toBe(true);
    await screenshot(page, 'admin-counters');

    await page.getByRole('tab', { name: 'Cán bộ và thiết bị' }).click();
    await page.getByRole('heading', { name: 'Cán bộ đang làm việc' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Thiết bị' }).isVisible()).toBe(true);
    // The agent reports its devices over MQTT; the page refreshes every 5 s until they arrive.
    const printer = page.locator('tr[data-device="printer"]');
    await expect.poll(() => printer.count(), { timeout: 45_000, interval: 1_000 }).toBe(1);
    expect(await printer.getByRole('rowheader').textContent()).toContain('Máy in phiếu');
    expect(await printer.locator('.badge').getAttribute('class')).toMatch(/badge-(ok|warn|bad)/);
    await expect.poll(() => page.getByText('Trực tuyến', { exact: true }).count()).toBe(1);
    await screenshot(page, 'admin-devices');

    await page.getByRole('tab', { name: 'Thủ tục của phường' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('procedures');
    const civil = page.getByRole('region', { name: 'Hộ tịch' });
    await civil.waitFor();
    expect(await civil.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).count()).toBe(1);
    expect(await civil.getByText('Quầy 2, 3').count()).toBe(1);
    await screenshot(page, 'admin-procedures');
    await context.close();
  });

  it('saves a counter’s fields and shows them again after a reload', async () => {
    const { context, page } = await newPage(browser);
    await openAdmin(page);
    const tax = page.getByRole('checkbox', { name: 'Quầy 8: Thuế' });
    expect(await tax.isChecked()).toBe(false);
    await tax.check();
    await page.getByText('Có thay đổi chưa lưu.').waitFor();
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu cấu hình phiên bản' }).count())
      .toBe(1);
    const stored = await getConfig(token);
    expect(stored.version).toBe(baseline.version + 1);
    expect(stored.queue.counters.find((c) => c.number === 8)?.fields).toEqual(['thue', 'tu-van']);
    expect(stored.staff.map((s) => s.id)).toEqual(baseline.staff.map((s) => s.id));

    await page.reload();
    await page.getByRole('checkbox', { name: 'Quầy 1: Văn thư' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Quầy 8: Thuế' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Quầy 8: Tư vấn, hướng dẫn' }).isChecked()).toBe(true);
    await context.close();
  });

  it('names a new counter without fields next to it and saves nothing', async () => {
    const { context, page } = await newPage(browser);
    await openAdmin(page);
    const before = await getConfig(token);
    await page.getByRole('button', { name: 'Thêm quầy' }).click();
    const rows = before.queue.counters.length;
    const number = page.getByRole('spinbutton', { name: `Số quầy ở dòng ${rows + 1}` });
    const next = String(Math.max(...before.queue.counters.map((c) => c.number)) + 1);
    await expect.poll(() => number.inputValue()).toBe(next);
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    const error = page.getByText('Chọn ít nhất một lĩnh vực cho quầy này.');
    await error.waitFor();
    expect(
      await page.getByRole('checkbox', { name: `Quầy ${next}: Văn thư` }).getAttribute('aria-describedby'),
    ).toBe(await error.getAttribute('id'));

    await number.fill('2');
    await page.getByText('Số quầy này đã có ở dòng khác.').waitFor();
    await screenshot(page, 'admin-counters-errors');
    await page.getByRole('button', { name: 'Xóa quầy 2' }).last().click();
    // The row is gone first, then its error with it.
    await expect.poll(() => page.getByRole('spinbutton', { name: /^Số quầy ở dòng / }).count()).toBe(rows);
    expect(await error.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu cấu hình' }).isDisabled()).toBe(true);
    expect((await getConfig(token)).version).toBe(before.version);
    await context.close();
  });

  it('shows the API’s reason next to the counter it names', async () => {
    const { context, page } = await newPage(browser);
    await openAdmin(page);
    await page.route(`**${CONFIG_PATH}`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'invalid_request',
                message: 'invalid request',
                fields: [{ field: 'queue.counters.0.number', reason: 'duplicate counter 1' }],
              },
            }),
          })
        : route.continue(),
    );
    await page.getByRole('checkbox', { name: 'Quầy 1: Thuế' }).check();
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    const number = page.getByRole('spinbutton', { name: 'Số quầy ở dòng 1' });
    await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
    const described = await number.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('duplicate counter 1');
    await context.close();
  });

  it('says someone else changed the config and reloads theirs instead of overwriting it', async () => {
    const { context, page } = await newPage(browser);
    await openAdmin(page);
    await page.getByRole('checkbox', { name: 'Quầy 5: Thuế' }).check();

    const theirs = await getConfig(token);
    await putConfig(token, {
      ...theirs,
      version: theirs.version + 1,
      queue: {
        ...theirs.queue,
        counters: theirs.queue.counters.map((c) =>
          c.number === 7 ? { ...c, fields: [...c.fields, 'tu-van'] } : c,
        ),
      },
    });

    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await expect
      .poll(() => page.getByText('Cấu hình vừa được người khác thay đổi', { exact: false }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Quầy 7: Tư vấn, hướng dẫn' }).isChecked())
      .toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Quầy 5: Thuế' }).isChecked()).toBe(false);
    expect((await getConfig(token)).version).toBe(theirs.version + 1);
    await context.close();
  });
});
