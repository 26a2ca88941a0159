import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR } from '../../../../edge-agent/src/lan/static.ts';
import { startLan } from './fake-agent.ts';

/** The pages as the LAN server serves them, and checks on their files that stand in for a browser. */

let lan: Awaited<ReturnType<typeof startLan>>;
beforeAll(async () => {
  lan = await startLan({ wardName: 'Phường <Hải Châu>' });
});
afterAll(() => lan.server.stop());

/** GET with the path sent byte for byte (fetch would normalise the "/../" away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(lan.url);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGES = [
  { path: '/', script: 'index' },
  { path: '/kiosk', script: 'kiosk' },
  { path: '/counter/3', script: 'counter' },
  { path: '/display', script: 'display' },
  { path: '/rating/3', script: 'rating' },
];
const read = (name: string) => readFileSync(join(PAGES_DIR, name), 'utf8');
const files = readdirSync(PAGES_DIR);

describe('Pages', () => {
  it.each(PAGES)(
    '$path is served in Vietnamese with its script and the shared stylesheet',
    async ({ path, script }) => {
      const { status, headers, text } = await lan.call('GET', path);

      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(text).toContain('<html lang="vi">');
      expect(text).toContain(`<script type="module" src="/static/${script}.js"></script>`);
      expect(text).toContain('<link rel="stylesheet" href="/static/style.css">');
      expect(text).toContain('Phường &lt;Hải Châu&gt;');
      expect(text).not.toContain('{{wardName}}');
    },
  );

  it.each(files.filter((f) => f.endsWith('.js')))('serves %s as JavaScript', async (file) => {
    const { status, headers, text } = await lan.call('GET', `/static/${file}`);

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(text).toBe(read(file));
  });

  it('serves the stylesheet as CSS', async () => {
    const { status, headers } = await lan.call('GET', '/static/style.css');

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each(['/counter/abc', '/counter/0', '/rating/100', '/static/missing.js', '/static/agent-api.ts'])(
    'answers 404 for %s',
    async (path) => {
      const { status } = await lan.call('GET', path);

      expect(status).toBe(404);
    },
  );

  it.each([
    '/static/../src/agent-api.ts',
    '/static/..%2fsrc%2fagent-api.ts',
    '/static/..%2F..%2Fpackage.json',
    '/static/%2e%2e/src/agent-api.ts',
    '/static/..%5c..%5cpackage.json',
    '/../edge-agent/src/agent-api.ts',
    '/static/%2e%2e%2f%2e%2e%2fREADME.md',
    '/static/.%2e/lan/server.ts',
    '/static/kiosk.js%00.css',
    '/static/%E0%A4%A',
  ])('cannot leave the pages folder: %s is a 404', async (path) => {
    const { status, body } = await rawGet(path);

    expect(status).toBe(404);
    expect(body).not.toContain('import');
  });
});

describe('Page files', () => {
  it('load nothing from outside the agent (the ward network may be offline)', () => {
    for (const file of files) {
      const text = read(file);
      expect(text, file).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/@import|fetch\(\s*["'`]https?:/i);
    }
  });

  it.each(files.filter((f) => f.endsWith('.js')))('%s parses as a browser module', (file) => {
    expect(() =>
      execFileSync(process.execPath, ['--check', join(PAGES_DIR, file)], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it.each(PAGES.map((p) => p.script))('%s.js only looks up ids its page has', (page) => {
    const html = read(`${page}.html`);
    const ids = [...read(`${page}.js`).matchAll(/byId\('([^']+)'\)/g)].map((m) => m[1]);

    for (const id of ids) expect(html, `#${id}`).toContain(`id="${id}"`);
  });

  it.each(files.filter((f) => f.endsWith('.js')))('%s imports only files that exist', (file) => {
    const imports = [...read(file).matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]);

    for (const name of imports) expect(files).toContain(name);
  });

  it.each([
    [
      'kiosk',
      [
        'Số người đang chờ trước bạn',
        'Máy in đang gặp sự cố',
        'Vui lòng ghi nhớ hoặc chụp lại số thứ tự của bạn',
      ],
    ],
    ['kiosk', ['Người cao tuổi', 'Người khuyết tật', 'Phụ nữ mang thai', 'Người có con nhỏ']],
    ['counter', ['Mã cán bộ', 'Gọi tiếp', 'Gọi lại', 'Hoàn thành', 'Vắng mặt', 'Chuyển lĩnh vực']],
    ['counter', ['Mất kết nối máy chủ thành phố — quầy vẫn hoạt động bình thường']],
    [
      'display',
      ['Đang mất kết nối với hệ thống thành phố. Việc gọi số vẫn hoạt động bình thường.', 'Bật âm thanh'],
    ],
    ['rating', ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Cảm ơn quý khách']],
  ])('%s says %j', (page, phrases) => {
    const text = read(`${page}.html`) + read(`${page}.js`);

    for (const phrase of phrases) expect(text.replace(/\s+/g, ' ')).toContain(phrase);
  });
});
