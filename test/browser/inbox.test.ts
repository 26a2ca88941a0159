import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueStateOf } from '../../web/src/features/dossier/deadline.ts';
import { rowClassOf } from '../../web/src/features/inbox/rows.ts';
import { type DossierBody, intakeBody } from '../support/intake.ts';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

/** A ward no other test file uses (district thanh-khe, no queue agent), so its lists hold only ours. */
const WARD = 'an-khe';
/** A ward nobody files dossiers in: its lists stay empty. */
const QUIET_WARD = 'hoa-bac';

async function call<T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${webUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(username: string): Promise<string> {
  const response = await fetch(`${webUrl}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Receives a dossier at the ward's counter and, unless told otherwise, routes it to the ward's specialist. */
async function prepare(procedureId: string, fullName: string, route = true): Promise<DossierBody> {
  const clerk = await tokenOf(`clerk.${WARD}`);
  const received = await call<DossierBody>('POST', `/v1/wards/${WARD}/dossiers`, clerk, {
    ...intakeBody({ procedureId }),
    applicant: { fullName },
  });
  if (!route) return received;
  return call<DossierBody>('POST', `/v1/dossiers/${encodeURIComponent(received.code)}/actions`, clerk, {
    action: 'route',
    version: received.version,
    assignee: `specialist.${WARD}`,
  });
}

const rowOf = (page: Page, code: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });

describe.skipIf(!hasChromium)('inboxes', () => {
  let browser: Browser;
  let sameDay: DossierBody;
  let threeDays: DossierBody;
  let unrouted: DossierBody;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Certification is due the day it is received (or the next working day after 15:00).
    sameDay = await prepare('2.000884', 'Lê Văn Tám');
    threeDays = await prepare('DN.HT.01', 'Phạm Thị Hoa');
    unrouted = await prepare('1.004845', 'Võ Minh Khôi', false);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a specialist the dossiers assigned to them by due time, coloured by deadline', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    const tab = page.getByRole('tab', { name: 'Được giao cho tôi' });
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel', { name: 'Được giao cho tôi' });
    await rowOf(page, sameDay.code).waitFor();

    const codes = await panel.getByRole('row').getByRole('link').allTextContents();
    expect(codes).toEqual([sameDay.code, threeDays.code]);
    expect(codes).not.toContain(unrouted.code);

    const row = rowOf(page, sameDay.code);
    expect(await row.textContent()).toContain('Lê Văn Tám');
    expect(await row.textContent()).toContain('Chứng thực chữ ký');
    expect(await row.textContent()).toContain('Đang xử lý');
    // Due today before 17:00 when received before the 15:00 cut-off on a working day, otherwise later.
    const expected = rowClassOf(dueStateOf({ status: 'processing', dueAt: sameDay.dueAt }, new Date()));
    expect((await row.getAttribute('class')) ?? undefined).toBe(expected);
    if (expected === 'due-today') expect(await row.textContent()).toContain('Đến hạn hôm nay');
    expect(await rowOf(page, threeDays.code).getAttribute('class')).toBeNull();
    expect(await rowOf(page, threeDays.code).textContent()).toContain('Trong hạn');
    await screenshot(page, 'inbox-specialist');

    // Keyboard: the code is the row's link; Enter opens the dossier.
    await rowOf(page, threeDays.code).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/dossiers/${encodeURIComponent(threeDays.code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${threeDays.code}` }).waitFor();
    await context.close();
  });

  it('shows the leader what awaits approval, and moves between tabs with the arrow keys', async () => {
    const specialist = await tokenOf(`specialist.${WARD}`);
    const current = await call<DossierBody>(
      'GET',
      `/v1/dossiers/${encodeURIComponent(sameDay.code)}`,
      specialist,
    );
    await call('POST', `/v1/dossiers/${encodeURIComponent(sameDay.code)}/actions`, specialist, {
      action: 'submit_for_approval',
      version: current.version,
    });

    const { context, page } = await newPage(browser);
    await signIn(page, `leader.${WARD}`);
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['Chờ phê duyệt', 'Tổng quan phường']);
    const panel = page.getByRole('tabpanel', { name: 'Chờ phê duyệt' });
    await rowOf(page, sameDay.code).waitFor();
    expect(await panel.getByRole('row').getByRole('link').allTextContents()).toEqual([sameDay.code]);
    expect(await rowOf(page, sameDay.code).textContent()).toContain('Chờ lãnh đạo phê duyệt');
    await screenshot(page, 'inbox-leader');

    await page.getByRole('tab', { name: 'Chờ phê duyệt' }).focus();
    await page.keyboard.press('ArrowRight');
    const overview = page.getByRole('tab', { name: 'Tổng quan phường' });
    // The key press re-renders asynchronously: wait for the selection, then check focus and address.
    await expect.poll(() => overview.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => overview.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('overview');

    // A click anywhere on the row opens the dossier, not only on its code.
    await page.getByRole('tabpanel', { name: 'Tổng quan phường' }).waitFor();
    await rowOf(page, sameDay.code).getByRole('cell', { name: 'Lê Văn Tám' }).click();
    await page.waitForURL(`**/dossiers/${encodeURIComponent(sameDay.code)}`);
    await context.close();
  });

  it('gives the ward an overview by status whose counts filter the list', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `clerk.${WARD}`);
    await page.goto(`${webUrl}/inbox`);
    await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(['Tổng quan phường']);
    await rowOf(page, unrouted.code).waitFor();
    expect(await page.getByText('Đang mở: 3 · Quá hạn:').count()).toBe(1);

    const chips = page.getByRole('group', { name: 'Số hồ sơ theo trạng thái' });
    expect(await chips.getByRole('button', { name: 'Tất cả 3' }).getAttribute('aria-pressed')).toBe('true');
    await chips.getByRole('button', { name: 'Đang xử lý 1' }).waitFor();
    await chips.getByRole('button', { name: 'Chờ lãnh đạo phê duyệt 1' }).waitFor();
    await screenshot(page, 'inbox-overview');

    await chips.getByRole('button', { name: 'Đã tiếp nhận 1' }).click();
    const links = page.getByRole('tabpanel').getByRole('row').getByRole('link');
    await expect.poll(() => links.allTextContents()).toEqual([unrouted.code]);
    await chips.getByRole('button', { name: /^Đã phê duyệt/ }).click();
    await page.getByText('Không có hồ sơ nào').waitFor();
    await context.close();
  });

  it('lets a district official pick one of their wards and read its overview', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'district.thanh-khe');
    await page.goto(`${webUrl}/inbox`);
    const picker = page.getByRole('combobox', { name: 'Phường' });
    await picker.waitFor();
    const options = await picker.getByRole('option').allTextContents();
    expect(options).toContain('Phường An Khê');
    expect(options).not.toContain('Phường Hải Châu I');
    await picker.selectOption(WARD);
    await rowOf(page, threeDays.code).waitFor();
    expect(await page.getByRole('heading', { name: 'Tổng quan phường – Phường An Khê' }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('ward')).toBe(WARD);
    await context.close();
  });

  it('says so when there is nothing assigned', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${QUIET_WARD}`);
    await page.getByText('Không có hồ sơ nào').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await context.close();
  });
});
