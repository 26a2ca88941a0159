import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateLocalCa } from '#infra/local/iot/ca';

const folders: string[] = [];
/** A CA the tests that only read share, to keep key generation (the slow part) down. */
let shared: string;
beforeAll(async () => {
  shared = await folder();
  await loadOrCreateLocalCa(shared);
});
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-ca-test-'));
  folders.push(dir);
  return dir;
}

describe('local CA', () => {
  it('creates a CA and a server certificate for 127.0.0.1, ::1 and localhost, with private keys 0600', async () => {
    const dir = await folder();
    const started = Date.now();
    const ca = await loadOrCreateLocalCa(dir);
    // RSA 2048 by Node's native keygen: two keys well under the bound even on a slow CI machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    const caCert = new X509Certificate(ca.caCert);
    const server = new X509Certificate(ca.server.cert);
    expect(caCert.ca).toBe(true);
    expect(server.verify(caCert.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeDefined();
    expect(server.checkHost('localhost')).toBe('localhost');
    for (const key of [join(dir, 'ca.key'), ca.server.keyPath]) {
      expect((await stat(key)).mode & 0o777).toBe(0o600);
    }
  });

  it('issues a client certificate whose CN is the thing name, once, and reuses everything on the next start', async () => {
    const dir = await folder();
    const first = await loadOrCreateLocalCa(dir);
    const thing = await first.clientCertificate('motcua-hai-chau-i');
    const cert = new X509Certificate(thing.cert);
    expect(cert.subject).toBe('CN=motcua-hai-chau-i');
    expect(cert.verify(new X509Certificate(first.caCert).publicKey)).toBe(true);
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // clientAuth
    expect((await stat(thing.keyPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(thing.certPath, 'utf8')).toBe(thing.cert);

    const started = Date.now();
    const second = await loadOrCreateLocalCa(dir);
    const again = await second.clientCertificate('motcua-hai-chau-i');
    expect(Date.now() - started).toBeLessThan(1_000); // read, not generated
    expect(second.caCert).toBe(first.caCert);
    expect(second.server.cert).toBe(first.server.cert);
    expect(again.cert).toBe(thing.cert);
  });

  it('hands concurrent callers for one new thing the same certificate', async () => {
    const ca = await loadOrCreateLocalCa(shared);
    const [a, b] = await Promise.all([
      ca.clientCertificate('motcua-cloud'),
      ca.clientCertificate('motcua-cloud'),
    ]);
    expect(a.cert).toBe(b.cert);
  });

  it('issues again what a new CA did not sign, or what does not parse', async () => {
    const dir = await folder();
    const first = await loadOrCreateLocalCa(dir);
    const thing = await first.clientCertificate('motcua-hai-chau-i');
    await rm(join(dir, 'ca.pem'));
    await writeFile(first.server.certPath, 'garbage');
    const second = await loadOrCreateLocalCa(dir);
    expect(second.caCert).not.toBe(first.caCert);
    const caKey = new X509Certificate(second.caCert).publicKey;
    expect(new X509Certificate(second.server.cert).verify(caKey)).toBe(true);
    const reissued = await second.clientCertificate('motcua-hai-chau-i');
    expect(reissued.cert).not.toBe(thing.cert);
    expect(new X509Certificate(reissued.cert).verify(caKey)).toBe(true);
  });

  it('refuses a client name that could leave its folder', async () => {
    const ca = await loadOrCreateLocalCa(shared);
    await expect(ca.clientCertificate('../ca')).rejects.toThrow(/not a valid client name/);
    await expect(ca.clientCertificate('')).rejects.toThrow(/not a valid client name/);
  });
});
