import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * The local stand-in for IoT Core's certificates: one CA, kept in a folder and reused on the
 * next start, that signs the broker's server certificate (127.0.0.1, ::1, localhost) and a
 * client certificate per thing whose subject CN is the thing name — the identity the broker
 * and its topic policy go by, as IoT Core goes by the certificate attached to a thing.
 *
 * Layout of the folder: `ca.pem`/`ca.key`, `server.pem`/`server.key`, `clients/<name>.pem|.key`.
 * Keys are written owner-only (0600). RSA 2048 with SHA-256; forge hands key generation to
 * Node's crypto (native, off the main thread), so a key takes ~0.1–0.3 s, not seconds.
 */
export interface CertificateFiles {
  readonly certPath: string;
  readonly keyPath: string;
  /** PEM. */
  readonly cert: string;
  /** PEM (PKCS#1). */
  readonly key: string;
}

export interface LocalCa {
  readonly dir: string;
  readonly caCertPath: string;
  /** PEM of the CA certificate, what clients and the broker trust. */
  readonly caCert: string;
  /** The broker's certificate for 127.0.0.1, ::1 and localhost. */
  readonly server: CertificateFiles;
  /** The client certificate with subject CN `name` (e.g. `motcua-hai-chau-i`), issued on first use. */
  clientCertificate(name: string): Promise<CertificateFiles>;
}

const CA_YEARS = 10;
const LEAF_DAYS = 730;
/** A certificate this close to expiry is issued again at start. */
const RENEW_BEFORE_DAYS = 30;
const CLIENT_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;

const generateKeyPair = promisify(forge.pki.rsa.generateKeyPair) as (options: {
  bits: number;
}) => Promise<forge.pki.rsa.KeyPair>;

interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

/** Loads the CA kept in `dir`, or creates it (and the server certificate) there on first use. */
export async function loadOrCreateLocalCa(dir: string): Promise<LocalCa> {
  const root = resolve(dir);
  await mkdir(join(root, 'clients'), { recursive: true, mode: 0o700 });
  const ca = await loadOrIssue(join(root, 'ca'), isUsableCa, () => issueCa());
  const server = await loadOrIssue(join(root, 'server'), isUsableLeaf(ca), () => issueServer(ca));
  const caCert = forge.pki.certificateToPem(ca.cert);
  // Two callers asking for the same new thing at once share one issue, not two racing writes.
  const pending = new Map<string, Promise<CertificateFiles>>();
  const clientCertificate = (name: string) => {
    if (!CLIENT_NAME.test(name)) {
      return Promise.reject(new Error(`not a valid client name: ${JSON.stringify(name)}`));
    }
    let files = pending.get(name);
    if (!files) {
      const base = join(root, 'clients', name);
      files = loadOrIssue(base, isUsableLeaf(ca, name), () => issueClient(ca, name)).then((c) =>
        filesOf(base, c),
      );
      files.catch(() => pending.delete(name));
      pending.set(name, files);
    }
    return files;
  };
  return {
    dir: root,
    caCertPath: `${join(root, 'ca')}.pem`,
    caCert,
    server: filesOf(join(root, 'server'), server),
    clientCertificate,
  };
}

/** Reads `<base>.pem`/`<base>.key`; issues and writes new ones when missing or unusable. */
async function loadOrIssue(
  base: string,
  usable: (found: Issued) => boolean,
  issue: () => Promise<Issued>,
): Promise<Issued> {
  const found = await readPair(base);
  if (found && usable(found)) return found;
  const issued = await issue();
  // Key first: a crash between the two writes leaves a certificate-less key, which is re-issued.
  await writeAtomically(`${base}.key`, forge.pki.privateKeyToPem(issued.key), 0o600);
  await writeAtomically(`${base}.pem`, forge.pki.certificateToPem(issued.cert), 0o644);
  return issued;
}

async function readPair(base: string): Promise<Issued | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([
      readFile(`${base}.pem`, 'utf8'),
      readFile(`${base}.key`, 'utf8'),
    ]);
    const cert = forge.pki.certificateFromPem(certPem);
    const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    // A key that does not belong to the certificate would fail only at the TLS handshake.
    if (publicKey.n.compareTo(key.n) !== 0 || publicKey.e.compareTo(key.e) !== 0) return undefined;
    return { cert, key };
  } catch {
    return undefined; // missing or unreadable: issue a new one
  }
}

function isUsableCa(found: Issued): boolean {
  return found.cert.isIssuer(found.cert) && !expiresSoon(found.cert);
}

/** Signed by this CA (a new CA makes every old leaf useless), unexpired, and for the same name. */
function isUsableLeaf(ca: Issued, commonName?: string) {
  return (found: Issued): boolean => {
    try {
      if (!ca.cert.verify(found.cert)) return false;
    } catch {
      return false;
    }
    if (expiresSoon(found.cert)) return false;
    return commonName === undefined || found.cert.subject.getField('CN')?.value === commonName;
  };
}

function expiresSoon(cert: forge.pki.Certificate): boolean {
  return cert.validity.notAfter.getTime() - Date.now() < RENEW_BEFORE_DAYS * 86_400_000;
}

async function issueCa(): Promise<Issued> {
  const keys = await generateKeyPair({ bits: 2048 });
  const name = [
    { name: 'commonName', value: 'motcua local CA' },
    { name: 'organizationName', value: 'motcua (local runtime, not for production)' },
  ];
  const cert = newCertificate(keys.publicKey, CA_YEARS * 365);
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

async function issueServer(ca: Issued): Promise<Issued> {
  return issueLeaf(ca, 'localhost', [
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
}

async function issueClient(ca: Issued, name: string): Promise<Issued> {
  return issueLeaf(ca, name, [{ name: 'extKeyUsage', clientAuth: true }]);
}

async function issueLeaf(ca: Issued, commonName: string, extensions: object[]): Promise<Issued> {
  const keys = await generateKeyPair({ bits: 2048 });
  const cert = newCertificate(keys.publicKey, LEAF_DAYS);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
    ...extensions,
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

function newCertificate(publicKey: forge.pki.PublicKey, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // 16 random bytes, top bit cleared: a positive serial as RFC 5280 requires.
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  // Back-dated a little so a clock slightly behind ours does not see "not yet valid".
  cert.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  return cert;
}

function filesOf(base: string, issued: Issued): CertificateFiles {
  return {
    certPath: `${base}.pem`,
    keyPath: `${base}.key`,
    cert: forge.pki.certificateToPem(issued.cert),
    key: forge.pki.privateKeyToPem(issued.key),
  };
}

/** Write-then-rename, so a crash never leaves half a key or certificate behind. */
async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode });
  await chmod(temporary, mode); // the umask may have narrowed or widened `mode` on creation
  await rename(temporary, file);
}
