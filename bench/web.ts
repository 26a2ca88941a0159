import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startRuntime } from '#infra/local/runtime';
import { buildWeb } from '#infra/local/web-build';
import { findChromium, launchChromium } from '../test/browser/support/chromium.ts';
import { login } from './intake.ts';
import { type Figure, percentile, ratio } from './results-file.ts';

const CLERK = 'clerk.hai-chau-i';
const WARD = 'hai-chau-i';
/** A counter of the demo ward's queue; the desk remembers the clerk's counter in localStorage. */
const COUNTER = '2';
const CALL_NEXT = 'Gọi số tiếp theo';
const SIGN_IN = 'Đăng nhập';
/** Page loads per measurement (cold and warm each). */
const RUNS = 10;
/** No new script for this long after `load`: the page has fetched the code it starts with. */
const SCRIPTS_QUIET_MS = 1_000;
const READY_TIMEOUT_MS = 30_000;
/**
 * gzip level of the transfer-size estimate: 9, the smallest gzip; CloudFront compresses on the
 * fly and may send a little more (or less, with Brotli).
 */
const GZIP_LEVEL = 9;
const WARD_PC = { width: 1366, height: 768 };

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const ms = (value: number) => Math.round(value * 10) / 10;

/** One page to visit, as a clerk (token and counter stored before the app starts) or anonymously. */
interface Visit {
  readonly path: string;
  readonly token?: string;
  /** What the user waits for: the page is usable once it is visible (and enabled). */
  readonly ready: (page: Page) => Locator;
  /** Said in the figures' notes. */
  readonly what: string;
}

async function newContext(browser: Browser, visit: Visit): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: WARD_PC,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  if (visit.token) {
    // What a clerk's browser holds after signing in (web/src/shared/auth/session.tsx) and after
    // choosing a counter once (features/counter-desk/use-counter.ts); as text, since it runs in
    // the page, whose globals the Node types do not know.
    await context.addInitScript({
      content:
        `sessionStorage.setItem('motcua.session', ${JSON.stringify(visit.token)});` +
        `localStorage.setItem('motcua.desk.counter.${WARD}', '${COUNTER}');`,
    });
  }
  return context;
}

interface InitialJs {
  readonly raw: number;
  readonly gzip: number;
  readonly files: number;
}

/**
 * Every JavaScript response of one cold visit (fresh profile, empty cache) until the page is
 * ready and no script has loaded for a second: the entry, its preloads and the route's lazy
 * chunks. Each body is gzipped on its own, as it travels.
 */
async function initialJs(browser: Browser, url: string, visit: Visit): Promise<InitialJs> {
  const context = await newContext(browser, visit);
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  let pending = 0;
  let lastScriptAt = performance.now();
  const isScript = (type: string, contentType = '') => type === 'script' || /javascript/.test(contentType);
  page.on('request', (request) => {
    if (!isScript(request.resourceType())) return;
    pending++;
    lastScriptAt = performance.now();
  });
  page.on('requestfinished', (request) => {
    if (isScript(request.resourceType())) pending--;
  });
  page.on('requestfailed', (request) => {
    if (isScript(request.resourceType())) pending--;
  });
  page.on('response', (response) => {
    if (!isScript(response.request().resourceType(), response.headers()['content-type'])) return;
    lastScriptAt = performance.now();
    bodies.push(response.body());
  });
  try {
    await page.goto(`${url}${visit.path}`, { waitUntil: 'load' });
    await visit.ready(page).waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
    while (pending > 0 || performance.now() - lastScriptAt < SCRIPTS_QUIET_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const all = await Promise.all(bodies);
    return {
      raw: all.reduce((sum, b) => sum + b.length, 0),
      gzip: all.reduce((sum, b) => sum + gzipSync(b, { level: GZIP_LEVEL }).length, 0),
      files: all.length,
    };
  } finally {
    await context.close();
  }
}

/**
 * A page-side test that the enabled, rendered button named `name` is there. Polled every
 * animation frame: Playwright's own waiting backs off to half-second polls, which would measure
 * the poll instead of the page.
 */
function enabledButton(name: string): string {
  return `[...document.querySelectorAll('button')].some((b) => !b.disabled &&
    (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === ${JSON.stringify(name)} &&
    b.getClientRects().length > 0)`;
}

/**
 * Milliseconds from `page.goto` to the enabled button `button`, measured in Node (so a few ms of
 * CDP round trips are included), `RUNS` times: cold = a fresh profile each time; warm = new pages
 * of one profile that has loaded the page once (HTTP cache and the app's assets warm).
 */
async function timeToInteractive(
  browser: Browser,
  url: string,
  visit: Visit,
  button: string,
): Promise<{ cold: number[]; warm: number[] }> {
  const once = async (page: Page) => {
    const start = performance.now();
    await page.goto(`${url}${visit.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(enabledButton(button), undefined, {
      polling: 'raf',
      timeout: READY_TIMEOUT_MS,
    });
    const elapsed = performance.now() - start;
    // The accessible name, as a user of assistive technology meets it, must agree.
    await visit.ready(page).waitFor({ state: 'visible', timeout: 1_000 });
    return elapsed;
  };
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(browser, visit);
    try {
      cold.push(await once(await context.newPage()));
    } finally {
      await context.close();
    }
  }
  const warm: number[] = [];
  const context = await newContext(browser, visit);
  try {
    await once(await context.newPage());
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      warm.push(await once(page));
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { cold: cold.sort((a, b) => a - b), warm: warm.sort((a, b) => a - b) };
}

function jsFigures(
  name: string,
  js: InitialJs,
  baseline: { name: string; js: InitialJs } | undefined,
  what: string,
) {
  const compared = (value: number, base: number | undefined, suffix: string) =>
    baseline && base !== undefined
      ? {
          comparedWith: {
            name: `web.${baseline.name}.initial_js.${suffix}`,
            value: base,
            ratio: ratio(value, base),
          },
        }
      : {};
  return {
    [`web.${name}.initial_js.gzip`]: {
      value: kb(js.gzip),
      unit: 'KB',
      ...compared(kb(js.gzip), baseline && kb(baseline.js.gzip), 'gzip'),
      note: `${what}: ${js.files} JS files, ${kb(js.raw)} KB raw, each gzipped at level ${GZIP_LEVEL} (node:zlib); cold visit until ready and no script for ${SCRIPTS_QUIET_MS} ms`,
    },
    [`web.${name}.initial_js.raw`]: {
      value: kb(js.raw),
      unit: 'KB',
      ...compared(kb(js.raw), baseline && kb(baseline.js.raw), 'raw'),
    },
    [`web.${name}.initial_js.files`]: {
      value: js.files,
      unit: 'files',
      ...compared(js.files, baseline?.js.files, 'files'),
    },
  } satisfies Record<string, Figure>;
}

function timeFigures(
  name: string,
  times: { cold: number[]; warm: number[] },
  baseline: { name: string; times: { cold: number[]; warm: number[] } } | undefined,
  what: string,
): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const cache of ['cold', 'warm'] as const) {
    for (const p of [50, 90]) {
      const value = ms(percentile(times[cache], p));
      const key = `time_to_interactive.${cache}.p${p}`;
      const base = baseline && ms(percentile(baseline.times[cache], p));
      figures[`web.${name}.${key}`] = {
        value,
        unit: 'ms',
        ...(baseline && base !== undefined
          ? { comparedWith: { name: `web.${baseline.name}.${key}`, value: base, ratio: ratio(value, base) } }
          : {}),
        note: `${what}; ${RUNS} loads, from page.goto in Node until rendered and enabled (checked every frame), ${cache === 'cold' ? 'fresh profile each' : 'new pages of one warmed profile'}`,
      };
    }
  }
  return figures;
}

/**
 * The web app in headless Chromium against the whole local stack (freshly built app, API, queue
 * agent): the JavaScript each main page starts with, against the login page, the smallest page;
 * and how long the counter desk takes to be usable, against the login page's sign-in button, in
 * the same run.
 */
/**
 * `dynamodbEndpoint` is the bench's DynamoDB Local: the functions' one SDK client keeps the
 * endpoint it was first created with, so the web stack uses the same one under its own tables.
 */
export async function webFigures(dynamodbEndpoint: string): Promise<Record<string, Figure>> {
  const executable = findChromium();
  if (!executable) {
    throw new Error('bench web: Chromium not found (install Debian\'s "chromium" or set CHROMIUM_PATH)');
  }
  const webDir = await mkdtemp(join(tmpdir(), 'motcua-bench-web-'));
  try {
    await buildWeb(webDir);
    const runtime = await startRuntime({
      port: 0,
      webDir,
      dynamodbEndpoint,
      tablePrefix: 'benchweb',
      queue: { brokerPort: 0, agentPort: 0 },
    });
    try {
      const browser = await launchChromium(executable);
      try {
        return await measure(browser, runtime.url);
      } finally {
        await browser.close();
      }
    } finally {
      await runtime.stop();
    }
  } finally {
    await rm(webDir, { recursive: true, force: true });
  }
}

async function measure(browser: Browser, url: string): Promise<Record<string, Figure>> {
  const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });
  const loginPage: Visit = {
    path: '/login',
    ready: (page) => page.getByRole('button', { name: SIGN_IN, disabled: false }),
    what: 'login page /login',
  };
  const desk: Visit = {
    path: '/desk',
    token: await login(url, CLERK),
    ready: (page) => page.getByRole('button', { name: CALL_NEXT, disabled: false }),
    what: `counter desk /desk as ${CLERK}, counter ${COUNTER} remembered`,
  };
  const others: Record<string, Visit> = {
    desk,
    home: { path: '/', ready: heading, what: 'public home /' },
    lookup: { path: '/lookup', ready: heading, what: 'public lookup /lookup' },
    queue_board: { path: `/queue/${WARD}`, ready: heading, what: `public queue board /queue/${WARD}` },
  };
  const loginJs = await initialJs(browser, url, loginPage);
  const figures: Record<string, Figure> = jsFigures('login', loginJs, undefined, loginPage.what);
  for (const [name, visit] of Object.entries(others)) {
    const js = await initialJs(browser, url, visit);
    Object.assign(figures, jsFigures(name, js, { name: 'login', js: loginJs }, visit.what));
  }
  const loginTimes = await timeToInteractive(browser, url, loginPage, SIGN_IN);
  Object.assign(figures, timeFigures('login', loginTimes, undefined, `"${SIGN_IN}" button of /login`));
  const deskTimes = await timeToInteractive(browser, url, desk, CALL_NEXT);
  const baseline = { name: 'login', times: loginTimes };
  Object.assign(figures, timeFigures('desk', deskTimes, baseline, `"${CALL_NEXT}" button of ${desk.what}`));
  return figures;
}
