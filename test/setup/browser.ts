import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRuntime } from '#infra/local/runtime';
import { buildWeb } from '#infra/local/web-build';
import { findChromium } from '../browser/support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local stack serving the freshly built web app and the API on one origin. */
    webUrl: string;
    /** The demo ward agent's LAN server (kiosk, counter consoles). */
    agentUrl: string;
    /** Chromium's executable, or '' when this machine has none (outside CI only). */
    chromiumPath: string;
  }
}

/**
 * vitest globalSetup of the browser tests: builds the web app from the current sources, starts
 * the whole local stack (DynamoDB Local, s3rver, API, MQTT broker and the demo ward agent) on
 * free ports, and finds Chromium. Without Chromium the tests fail in CI and are skipped, loudly,
 * elsewhere.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const chromium = findChromium();
  if (!chromium) {
    const message =
      'Chromium was not found (install Debian\'s "chromium" or set CHROMIUM_PATH): the browser tests cannot run.';
    if (process.env.CI) throw new Error(message);
    console.warn(
      `\n${'!'.repeat(100)}\n!! ${message}\n!! They are SKIPPED on this machine; CI runs them.\n${'!'.repeat(100)}\n`,
    );
  }
  project.provide('chromiumPath', chromium ?? '');
  const outDir = await mkdtemp(join(tmpdir(), 'motcua-web-'));
  await buildWeb(outDir);
  const runtime = await startRuntime({
    port: 0,
    webDir: outDir,
    queue: { brokerPort: 0, agentPort: 0 },
    streams: true,
  });
  project.provide('webUrl', runtime.url);
  project.provide('agentUrl', runtime.queue?.agent.lanUrl ?? '');
  return async () => {
    await runtime.stop();
    await rm(outDir, { recursive: true, force: true });
  };
}
