import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { PID_FILE, startDynamoDbLocal } from '#infra/local/dynamodb';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const orphanScript = fileURLToPath(new URL('../../support/orphan-dynamodb.ts', import.meta.url));
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Alive and not a zombie (PID 1 here may not reap orphans). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    if (!(await isRunning(pid))) return true;
  }
  return false;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-dynamodb-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function clientOf(endpoint: string): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'other', secretAccessKey: 'other' },
  });
  cleanups.push(() => client.destroy());
  return client;
}

async function createTable(endpoint: string, name: string): Promise<void> {
  await clientOf(endpoint).send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
}

async function tableNames(endpoint: string): Promise<string[]> {
  return (await clientOf(endpoint).send(new ListTablesCommand({}))).TableNames ?? [];
}

/** Starts DynamoDB Local in a separate Node process, playing a parent that will crash. */
async function startInChildProcess(dataDir: string, watchdog: boolean) {
  const args = ['--import', 'tsx', orphanScript, dataDir, ...(watchdog ? [] : ['no-watchdog'])];
  const parent: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => parent.kill('SIGKILL'));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    parent.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    parent.once('exit', (code) => reject(new Error(`the child process exited with ${code}`)));
  });
  const { pid } = JSON.parse(line) as { pid: number };
  // Whatever the test does, this JVM must not outlive it.
  cleanups.push(() => isRunning(pid).then((alive) => alive && process.kill(pid, 'SIGKILL')));
  return { parent, javaPid: pid };
}

describe('startDynamoDbLocal', () => {
  it('kills the Java process when stopped', async () => {
    const dynamodb = await startDynamoDbLocal();
    cleanups.push(() => dynamodb.stop());
    expect(await tableNames(dynamodb.endpoint)).toEqual([]);
    expect(await isRunning(dynamodb.pid)).toBe(true);
    await dynamodb.stop();
    expect(await isRunning(dynamodb.pid)).toBe(false);
  });

  it('keeps tables in dataDir across restarts and records its pid there while running', async () => {
    const dataDir = await tempDir();
    const first = await startDynamoDbLocal({ dataDir });
    cleanups.push(() => first.stop());
    expect(JSON.parse(await readFile(join(dataDir, PID_FILE), 'utf8'))).toEqual({
      pid: first.pid,
      parentPid: process.pid,
    });
    await createTable(first.endpoint, 'kept');
    await first.stop();
    await expect(readFile(join(dataDir, PID_FILE))).rejects.toThrow();

    const second = await startDynamoDbLocal({ dataDir });
    cleanups.push(() => second.stop());
    expect(await tableNames(second.endpoint)).toEqual(['kept']);
    await second.stop();

    await writeFile(join(dataDir, 'notes.txt'), 'not a database');
    const fresh = await startDynamoDbLocal({ dataDir, fresh: true });
    cleanups.push(() => fresh.stop());
    expect(await tableNames(fresh.endpoint)).toEqual([]);
    expect(await readFile(join(dataDir, 'notes.txt'), 'utf8')).toBe('not a database');
  });

  it('stops a Java process left running by a crashed parent before starting on the same dataDir', async () => {
    const dataDir = await tempDir();
    const { parent, javaPid } = await startInChildProcess(dataDir, false);
    parent.kill('SIGKILL');
    await sleep(1500);
    expect(await isRunning(javaPid)).toBe(true); // orphaned: nobody killed it

    const dynamodb = await startDynamoDbLocal({ dataDir });
    cleanups.push(() => dynamodb.stop());
    expect(await isRunning(javaPid)).toBe(false);
    expect(await tableNames(dynamodb.endpoint)).toEqual([]);
  });

  it('kills the Java process through its watchdog when the parent dies by SIGKILL', async () => {
    const { parent, javaPid } = await startInChildProcess(await tempDir(), true);
    parent.kill('SIGKILL');
    expect(await waitUntilGone(javaPid, 10_000)).toBe(true);
  });

  it('says which port is taken when the given port is in use', async () => {
    // Accepts connections and never answers, the worst neighbour to probe for readiness.
    const sockets: Socket[] = [];
    const blocker: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((done) => blocker.listen(0, done));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => blocker.close(done));
    });
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(startDynamoDbLocal({ port })).rejects.toThrow(
      `could not listen on port ${port}: it is already in use`,
    );
  });
});
