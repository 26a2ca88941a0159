import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '#infra/local/server';

/** A GET with the path sent as written (fetch would resolve the dots first). */
function rawGet(address: string): Promise<{ status: number }> {
  const { hostname, port } = new URL(address);
  const path = address.slice(address.indexOf('/', 'http://'.length));
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    })
      .on('error', reject)
      .end();
  });
}

describe('the web app beside the API on the local server', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-web-static-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Một Cửa</title>');
    await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    server = createApiServer({ routes: [], webDir: dir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every page address with the app, which routes in the browser', async () => {
    for (const path of ['/', '/desk', '/dossiers/000.00.00.H17-261127-0001']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('Một Cửa');
    }
  });

  it('serves hashed assets with a long cache and a missing asset as a 404', async () => {
    const asset = await fetch(`${url}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/assets/gone.js`)).status).toBe(404);
  });

  it('tells the app to sign in locally on this origin', async () => {
    const response = await fetch(`${url}/config.json`);
    expect(await response.json()).toEqual({ auth: { kind: 'local' }, apiBase: '', districtApis: {} });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('never serves files outside the build, nor the app for API addresses', async () => {
    const outside = await rawGet(`${url}/../../etc/hostname`);
    expect(outside.status).toBe(404);
    const api = await fetch(`${url}/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = await fetch(`${url}/desk`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});
