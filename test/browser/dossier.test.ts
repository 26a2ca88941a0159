import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierBody, intakeBody } from '../support/intake.ts';
import { hasChromium, launchBrowser, newPage, screenshot, signIn, webUrl } from './support/browser.ts';

/** A ward no other test file uses (district thanh-khe, no queue agent). */
const WARD = 'hoa-khe';
/** A clerk of another ward of the same district. */
const OTHER_CLERK = 'clerk.tam-thuan';

async function call<T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${webUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const tokens = new Map<string, string>();
async function tokenOf(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const response = await fetch(`${webUrl}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { token } = (await response.json()) as { token: string };
  tokens.set(username, token);
  return token;
}

const actionsOf = (code: string) => `/v1/dossiers/${encodeURIComponent(code)}/actions`;

/** Receives a three-working-day dossier at the ward's counter. */
async function receive(): Promise<DossierBody> {
  return call<DossierBody>('POST', `/v1/wards/${WARD}/dossiers`, await tokenOf(`clerk.${WARD}`), {
    ...intakeBody({ procedureId: 'DN.HT.01' }),
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '048090001234', phone: '0905 111 222' },
    documents: [
      { name: 'Tờ khai đăng ký giám hộ', form: 'original', quantity: 1 },
      { name: 'Giấy tờ chứng minh điều kiện giám hộ', form: 'certified_copy', quantity: 2 },
    ],
  });
}

async function act(username: string, code: string, body: Record<string, unknown>): Promise<DossierBody> {
  const token = await tokenOf(username);
  const current = await call<DossierBody>('GET', `/v1/dossiers/${encodeURIComponent(code)}`, token);
  return call<DossierBody>('POST', actionsOf(code), token, { ...body, version: current.version });
}

/** A real PNG (a page with lines of "text"), so the viewer has something to draw. */
function pngPage(width = 240, height = 320): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xf4);
    row[0] = 0;
    const inked = y > 20 && y % 14 < 3 && y < height - 30;
    if (inked) for (let x = 24; x < width - 24; x++) row.fill(0x33, 1 + x * 3, 4 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Attaches a scan as the desk does: declare, PUT to the presigned URL, complete. */
async function attachScan(code: string, name: string, bytes: Buffer): Promise<void> {
  const token = await tokenOf(`clerk.${WARD}`);
  const base = `/v1/dossiers/${encodeURIComponent(code)}/documents`;
  const created = await call<{
    documentId: string;
    uploadUrl: string;
    method: string;
    headers: Record<string, string>;
  }>('POST', base, token, {
    name,
    kind: 'component',
    contentType: 'image/png',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const put = await fetch(created.uploadUrl, {
    method: created.method,
    headers: created.headers,
    body: bytes,
  });
  expect(put.status).toBe(200);
  await call('POST', `${base}/${created.documentId}/complete`, token);
}

/** The step column of the history table, whatever the language. */
const historySteps = (page: Page) => page.locator('table.history tbody td:nth-child(3)').allTextContents();

async function confirmAction(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText(`Đã thực hiện: ${action}.`).waitFor();
}

describe.skipIf(!hasChromium)('dossier page', () => {
  let browser: Browser;
  let routed: DossierBody;

  beforeAll(async () => {
    browser = await launchBrowser();
    routed = await receive();
    await act(`clerk.${WARD}`, routed.code, { action: 'route', assignee: `specialist.${WARD}` });
    await attachScan(routed.code, 'to-khai-giam-ho.png', pngPage());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the status, deadline, applicant, papers, scans and history', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(routed.code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${routed.code}` }).waitFor();

    const status = page.getByRole('region', { name: 'Tình trạng hồ sơ' });
    expect(await status.textContent()).toContain('Đang xử lý');
    expect(await status.textContent()).toContain('Trạng thái quốc gia: 4 – Đang xử lý');
    expect(await status.textContent()).toContain(`specialist.${WARD}`);
    await status.getByText(/còn \d+ ngày làm việc/).waitFor();

    const applicant = page.getByRole('region', { name: 'Người nộp hồ sơ' });
    expect(await applicant.textContent()).toContain('Nguyễn Văn An');
    expect(await applicant.textContent()).toContain('048090001234');
    const papers = page.getByRole('table', { name: 'Giấy tờ đã nhận' });
    expect(await papers.getByRole('row').count()).toBe(3);
    expect(await papers.textContent()).toContain('Bản sao chứng thực');

    await page.getByRole('button', { name: 'to-khai-giam-ho.png' }).waitFor();
    expect(await historySteps(page)).toEqual(['Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Đính kèm bản quét hồ sơ']);
    const actions = page.getByRole('region', { name: 'Xử lý hồ sơ' }).getByRole('button');
    expect(await actions.allTextContents()).toEqual([
      'Chuyển xử lý',
      'Trình phê duyệt',
      'Yêu cầu bổ sung',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
    ]);
    const forms = page.getByRole('region', { name: 'In phiếu' }).getByRole('button');
    expect(await forms.allTextContents()).toEqual(['In phiếu tiếp nhận', 'Phiếu kiểm soát quá trình']);
    await screenshot(page, 'dossier-page');
    await context.close();
  });

  it('shows a scan in a dialog that Esc closes', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(routed.code)}`);
    await page.getByRole('button', { name: 'to-khai-giam-ho.png' }).click();
    const viewer = page.getByRole('dialog', { name: 'to-khai-giam-ho.png' });
    const image = viewer.getByRole('img', { name: 'to-khai-giam-ho.png' });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(240);
    await screenshot(page, 'dossier-viewer');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'to-khai-giam-ho.png' }).click();
    await viewer.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('takes a dossier from routing through submission, a send-back with its reason, and approval', async () => {
    const dossier = await receive();
    const { context, page } = await newPage(browser);
    await signIn(page, `clerk.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(dossier.code)}`);
    await page.getByRole('button', { name: 'Chuyển xử lý' }).click();
    const route = page.getByRole('dialog', { name: 'Chuyển xử lý' });
    await expect.poll(() => route.getByLabel('Người xử lý').inputValue()).toBe(`specialist.${WARD}`);
    await route.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã thực hiện: Chuyển xử lý.').waitFor();
    await context.close();

    const specialist = await newPage(browser);
    await signIn(specialist.page, `specialist.${WARD}`);
    await specialist.page.goto(`${webUrl}/dossiers/${encodeURIComponent(dossier.code)}`);
    await confirmAction(specialist.page, 'Trình phê duyệt');
    await expect
      .poll(() => specialist.page.getByRole('region', { name: 'Tình trạng hồ sơ' }).textContent())
      .toContain('Chờ lãnh đạo phê duyệt');
    await specialist.context.close();

    const leader = await newPage(browser);
    const { page: lp } = leader;
    await signIn(lp, `leader.${WARD}`);
    await lp.goto(`${webUrl}/dossiers/${encodeURIComponent(dossier.code)}`);
    await lp.getByRole('button', { name: 'Trả lại chuyên viên' }).click();
    const sendBack = lp.getByRole('dialog', { name: 'Trả lại chuyên viên' });
    await sendBack.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => sendBack.getByRole('alert').textContent()).toBe('Vui lòng nhập lý do.');
    await sendBack.getByLabel('Lý do').fill('Thiếu xác nhận của người được giám hộ');
    await sendBack.getByRole('button', { name: 'Xác nhận' }).click();
    await lp.getByText('Đã thực hiện: Trả lại chuyên viên.').waitFor();
    await leader.context.close();

    await act(`specialist.${WARD}`, dossier.code, { action: 'submit_for_approval' });
    const again = await newPage(browser);
    await signIn(again.page, `leader.${WARD}`);
    await again.page.goto(`${webUrl}/dossiers/${encodeURIComponent(dossier.code)}`);
    await confirmAction(again.page, 'Phê duyệt');
    const status = again.page.getByRole('region', { name: 'Tình trạng hồ sơ' });
    await expect.poll(() => status.textContent()).toContain('Đã phê duyệt');
    await expect
      .poll(() => historySteps(again.page))
      .toEqual([
        'Tiếp nhận hồ sơ',
        'Chuyển xử lý',
        'Trình lãnh đạo phê duyệt',
        'Trả lại để xử lý lại',
        'Trình lãnh đạo phê duyệt',
        'Phê duyệt',
      ]);
    const history = again.page.getByRole('table', { name: 'Lịch sử xử lý' });
    const sentBack = history.getByRole('row').filter({ hasText: 'Trả lại để xử lý lại' });
    expect(await sentBack.textContent()).toContain('Thiếu xác nhận của người được giám hộ');
    expect(await sentBack.textContent()).toContain('Chờ lãnh đạo phê duyệt → Đang xử lý');
    expect(await sentBack.textContent()).toContain(`leader.${WARD}`);
    await again.context.close();
  });

  it('says the dossier changed and reloads it when someone acted first (409)', async () => {
    const dossier = await receive();
    await act(`clerk.${WARD}`, dossier.code, { action: 'route', assignee: `specialist.${WARD}` });
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(dossier.code)}`);
    await page.getByRole('button', { name: 'Trình phê duyệt' }).waitFor();

    // A colleague routes it again meanwhile: the version on this screen is now stale.
    await act(`clerk.${WARD}`, dossier.code, { action: 'route', assignee: `specialist.${WARD}` });
    await page.getByRole('button', { name: 'Trình phê duyệt' }).click();
    await page
      .getByRole('dialog', { name: 'Trình phê duyệt' })
      .getByRole('button', { name: 'Xác nhận' })
      .click();
    await page.getByText('Hồ sơ vừa được người khác cập nhật').waitFor();
    await expect.poll(() => historySteps(page)).toEqual(['Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Chuyển xử lý']);

    await confirmAction(page, 'Trình phê duyệt');
    await expect
      .poll(() => page.getByRole('region', { name: 'Tình trạng hồ sơ' }).textContent())
      .toContain('Chờ lãnh đạo phê duyệt');
    await context.close();
  });

  it('opens the process-control slip as a PDF to print', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(routed.code)}`);
    const slip = page.waitForResponse((r) => r.url().includes('/forms/06'));
    await page.getByRole('button', { name: 'Phiếu kiểm soát quá trình' }).click();
    const response = await slip;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const dialog = page.getByRole('dialog', { name: 'Phiếu kiểm soát quá trình' });
    await expect.poll(() => dialog.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    expect(await dialog.getByRole('link', { name: 'Tải về' }).getAttribute('download')).toBe(
      `${routed.code}-mau-06.pdf`,
    );
    await context.close();
  });

  it('speaks English when asked, statuses and actions included', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, `specialist.${WARD}`);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(routed.code)}`);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: `Dossier ${routed.code}` }).waitFor();
    const status = page.getByRole('region', { name: 'Dossier status' });
    expect(await status.textContent()).toContain('National status: 4 – Processing');
    await status.getByText(/\d+ working days left/).waitFor();
    expect(await page.getByRole('button', { name: 'Submit for approval' }).count()).toBe(1);
    expect(await historySteps(page)).toContain('Routed for processing');
    await screenshot(page, 'dossier-page-en');
    await context.close();
  });

  it('tells a clerk of another ward they may not see it, and anyone that a code does not exist', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, OTHER_CLERK);
    await page.goto(`${webUrl}/dossiers/${encodeURIComponent(routed.code)}`);
    await page.getByRole('heading', { name: 'Bạn không có quyền xem hồ sơ này' }).waitFor();
    expect(await page.getByText('Nguyễn Văn An').count()).toBe(0);

    await page.goto(`${webUrl}/dossiers/000.10.02.H17-200101-9999`);
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    await page.goto(`${webUrl}/dossiers/khong-phai-ma-ho-so`);
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    await context.close();
  });
});
