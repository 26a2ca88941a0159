import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  WARD_PC,
  webUrl,
} from './support/browser.ts';
import { agentPost, COUNTER, DEMO_CLERK, DEMO_PIN } from './support/desk.ts';

/**
 * The ward's queue and satisfaction dashboards with real figures: a ticket of the demo agent goes
 * from the kiosk to counter 2 and is rated, and its events reach the dashboards through the cloud
 * (agent → MQTT → ingest → stream aggregation). Other files may have issued tickets in the same
 * ward today, so the figures are read against what the dashboards said before.
 */

const WARD = 'hai-chau-i';
/** The rating pad's top level, "Rất hài lòng". */
const SCORE = 4;

/** Today and the current hour in the ward's time zone. */
function localNow(): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

interface QueueFigures {
  readonly issued: number;
  readonly served: number;
  readonly byHour: number[];
}

async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${webUrl}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** The ward's queue figures of `day` as the API answers them now. */
async function queueOf(token: string, day: string): Promise<QueueFigures> {
  const res = await fetch(`${webUrl}/v1/dashboards/queue?scope=ward:${WARD}&from=${day}&to=${day}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as QueueFigures;
}

/** Issues a ticket at the kiosk, calls it at the counter (after whoever came earlier) and completes it. */
async function serveOneTicket(): Promise<string> {
  const { token } = await agentPost<{ token: string }>(`/api/counters/${COUNTER}/login`, {
    clerk: DEMO_CLERK,
    pin: DEMO_PIN,
  });
  const ticket = await agentPost<{ number: string }>('/api/tickets', { field: 'ho-tich' });
  let serving: string | undefined;
  // Tickets left waiting earlier today come first; each call finishes the one before it.
  for (let calls = 0; calls < 30 && serving !== ticket.number; calls++) {
    ({ serving } = await agentPost<{ serving?: string }>(`/api/counters/${COUNTER}/call-next`, {}, token));
  }
  expect(serving).toBe(ticket.number);
  await agentPost(`/api/counters/${COUNTER}/complete`, {}, token);
  return ticket.number;
}

/** A headline figure of the open panel, as a number (`1.234` reads 1234). */
async function headline(page: Page, label: string): Promise<number> {
  const kpi = page
    .getByRole('tabpanel')
    .locator('.kpi')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) });
  return Number(((await kpi.locator('dd').textContent()) ?? '').replace(/\./g, ''));
}

/**
 * Reloads the panel and reads `label`: the stream aggregation counts the agent's events a moment
 * after they reach the cloud, and the panel loads its figures once.
 */
async function freshHeadline(page: Page, label: string): Promise<number> {
  await page.reload();
  const panel = page.getByRole('tabpanel');
  await panel.locator('.kpis').or(panel.getByText('Chưa có số liệu trong kỳ này')).waitFor();
  return (await panel.locator('.kpis').count()) ? headline(page, label) : 0;
}

describe.skipIf(!hasChromium)('queue and satisfaction statistics', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts a served and rated ticket on the ward dashboards of the day', async () => {
    const leaderToken = await tokenOf(`leader.${WARD}`);
    const { day, hour } = localNow();
    const before = await queueOf(leaderToken, day);

    await serveOneTicket();
    // The citizen rates the service on the counter's pad right after it ends.
    expect(await agentPost('/api/ratings', { counter: COUNTER, score: SCORE })).toEqual({
      counter: COUNTER,
      score: SCORE,
    });

    const { context, page } = await newPage(browser);
    await signIn(page, `leader.${WARD}`);
    await page.goto(`${webUrl}/dashboards?scope=ward:${WARD}&period=day&from=${day}`);
    await page.getByRole('heading', { name: 'Thống kê: Phường Hải Châu I' }).waitFor();
    await page.getByRole('tab', { name: 'Hàng đợi' }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('queue');

    const poll = { timeout: 120_000, interval: 2_000 };
    await expect
      .poll(() => freshHeadline(page, 'Số phiếu đã cấp'), poll)
      .toBeGreaterThanOrEqual(before.issued + 1);
    await expect
      .poll(() => freshHeadline(page, 'Đã phục vụ'), poll)
      .toBeGreaterThanOrEqual(before.served + 1);
    const issued = await headline(page, 'Số phiếu đã cấp');

    // Every issued ticket has its hour: the chart's total is the headline's, ours in this hour.
    const chart = page.getByRole('img', { name: /^Biểu đồ số phiếu theo giờ/ });
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(Number(/tổng ([\d.]+) phiếu/.exec(label)?.[1]?.replace(/\./g, ''))).toBe(issued);
    const hh = String(hour).padStart(2, '0');
    const hourRow = page
      .getByRole('table', { name: 'Bảng số liệu: Số phiếu theo giờ trong ngày' })
      .getByRole('row', { name: new RegExp(`^${hh}:00–${hh}:59`) });
    expect(Number(await hourRow.getByRole('cell').textContent())).toBeGreaterThanOrEqual(
      (before.byHour[hour] ?? 0) + 1,
    );

    const clerkRow = page
      .getByRole('table', { name: 'Theo cán bộ' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: DEMO_CLERK, exact: true }) });
    expect(await clerkRow.count()).toBe(1);
    const counterRow = page
      .getByRole('table', { name: 'Theo quầy' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `Quầy ${COUNTER}`, exact: true }) });
    expect(await counterRow.count()).toBe(1);
    // The wide per-counter and per-clerk tables scroll in their cards, not the ward PC's page.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WARD_PC.width);
    await screenshot(page, 'dashboards-queue');

    await page.getByRole('tab', { name: 'Mức độ hài lòng' }).click();
    await expect.poll(() => freshHeadline(page, 'Số lượt đánh giá'), poll).toBeGreaterThanOrEqual(1);
    const levels = page
      .getByRole('table', { name: 'Bảng số liệu: Phân bố mức đánh giá' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Rất hài lòng', exact: true }) });
    expect(Number(await levels.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
    const byClerk = page
      .getByRole('table', { name: 'Theo cán bộ' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: DEMO_CLERK, exact: true }) });
    expect(Number(await byClerk.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'dashboards-satisfaction');
    await context.close();
  });
});
