import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

/** A year no other test touches: its announced schedule is this file's own. */
const YEAR = 2031;

interface Schedule {
  year: number;
  source: string;
  days: { date: string; kind: string; name: string }[];
}

async function scheduleOf(year: number): Promise<Schedule> {
  const res = await fetch(`${webUrl}/v1/calendar/${year}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Schedule;
}

const day = (page: Page, date: string) => page.locator(`td[data-date="${date}"]`);

async function showYear(page: Page, year: number): Promise<void> {
  await page.getByLabel('Năm', { exact: true }).selectOption(String(year));
  await day(page, `${year}-01-01`).waitFor();
}

describe.skipIf(!hasChromium)('working calendar', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the city official this year’s twelve months with the schedule’s days marked', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'city');
    expect(new URL(page.url()).pathname).toBe('/calendar');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch làm việc');
    const year = Number(await page.getByLabel('Năm', { exact: true }).inputValue());
    const thisYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });
    expect(year).toBe(Number(thisYear.format(new Date())));
    await day(page, `${year}-01-01`).waitFor();
    expect(await page.locator('table.month').count()).toBe(12);
    const schedule = await scheduleOf(year);
    for (const d of schedule.days) expect(await day(page, d.date).getAttribute('data-mark')).toBe(d.kind);
    // Monday first: the first column of every week is a Monday.
    const firstMonday = page.locator('table.month').first().locator('tbody tr').nth(1).locator('td').first();
    const date = (await firstMonday.getAttribute('data-date')) ?? '';
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(await page.getByRole('button', { name: 'Nạp lịch công bố' }).count()).toBe(1);
    await screenshot(page, 'calendar-year');
    await context.close();
  });

  it('loads the schedule announced for a future year and marks its days', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'city');
    await showYear(page, YEAR);
    expect(await day(page, `${YEAR}-03-04`).getAttribute('data-mark')).toBe('workday');
    expect(await day(page, `${YEAR}-03-08`).getAttribute('data-mark')).toBe('weekend');

    await page.getByRole('button', { name: 'Nạp lịch công bố' }).click();
    await page.getByRole('heading', { name: `Nạp lịch công bố năm ${YEAR}` }).waitFor();
    await page.getByLabel('Lịch công bố (JSON)').fill(
      JSON.stringify({
        days: [
          { date: `${YEAR}-01-01`, kind: 'holiday', name: 'Tết Dương lịch' },
          { date: `${YEAR}-03-04`, kind: 'day_off', name: 'Nghỉ theo quyết định của Thành phố' },
          { date: `${YEAR}-03-08`, kind: 'makeup_workday', name: 'Làm bù ngày 04/03' },
        ],
      }),
    );
    await page.getByRole('button', { name: 'Lưu lịch công bố' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Đã nạp lịch công bố năm ${YEAR} (3 ngày)` })
          .count(),
      )
      .toBe(1);
    expect(await day(page, `${YEAR}-03-04`).getAttribute('data-mark')).toBe('day_off');
    expect(await day(page, `${YEAR}-03-08`).getAttribute('data-mark')).toBe('makeup_workday');
    expect(await page.getByText('Lịch công bố chính thức').isVisible()).toBe(true);
    const list = page.getByRole('region', { name: `Ngày nghỉ và ngày làm bù năm ${YEAR}` });
    expect(await list.getByRole('row').count()).toBe(4);
    expect(await list.getByRole('cell', { name: 'Nghỉ theo quyết định của Thành phố' }).count()).toBe(1);

    await page.reload();
    await day(page, `${YEAR}-01-01`).waitFor();
    expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe(String(YEAR));
    expect(await day(page, `${YEAR}-03-04`).getAttribute('data-mark')).toBe('day_off');
    expect((await scheduleOf(YEAR)).source).toBe('announced');
    await context.close();
  });

  it('shows what is wrong with an invalid schedule and keeps the one in force', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'city');
    await showYear(page, YEAR);
    const before = await scheduleOf(YEAR);
    await page.getByRole('button', { name: 'Nạp lịch công bố' }).click();
    const text = page.getByLabel('Lịch công bố (JSON)');

    await text.fill('{"days": [');
    await page.getByRole('button', { name: 'Lưu lịch công bố' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Nội dung không phải JSON hợp lệ');
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');

    // A make-up working day on a Wednesday: the API's rule, answered for the element.
    await text.fill(
      JSON.stringify({ days: [{ date: `${YEAR}-03-05`, kind: 'makeup_workday', name: 'Làm bù sai ngày' }] }),
    );
    await page.getByRole('button', { name: 'Lưu lịch công bố' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'days.0.date' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Mục 1');
    expect(await problems.textContent()).toContain('Saturday or Sunday');
    expect(await day(page, `${YEAR}-03-05`).getAttribute('data-mark')).toBe('workday');
    await screenshot(page, 'calendar-load-errors');
    expect(await scheduleOf(YEAR)).toEqual(before);
    await context.close();
  });

  it('lets a ward admin view the calendar but not load a schedule', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin.hai-chau-i');
    await page.goto(`${webUrl}/calendar?year=2030`);
    await day(page, '2030-01-01').waitFor();
    const schedule = await scheduleOf(2030);
    for (const d of schedule.days) expect(await day(page, d.date).getAttribute('data-mark')).toBe(d.kind);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch làm việc');
    expect(await page.getByRole('button', { name: 'Nạp lịch công bố' }).count()).toBe(0);
    expect(await page.getByLabel('Lịch công bố (JSON)').count()).toBe(0);
    await context.close();
  });
});
