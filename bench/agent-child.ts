import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AgentFiles } from './agent-setup.ts';
import { sleep } from './agent-setup.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../edge-agent/src/main.ts', import.meta.url));

/** Children still running; killed if the bench dies before it could stop them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Node flags of `npm run agent` (package.json): a small young generation keeps the agent's
 * resident memory down; ticket rendering makes much short-lived garbage.
 */
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=2'];

/** Starts `node [flags] --import tsx <script> ...args` from the repo root (where tsx resolves). */
export function spawnTsx(
  script: string,
  args: string[],
  ipc = false,
  nodeFlags: string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface Health {
  readonly online: boolean;
  readonly outboxDepth: number;
}

/**
 * A real agent process, as on the ward mini-PC (`npm run agent` without npm): its own event loop
 * and heap, so what we measure is the agent's and not the load generator's.
 */
export class AgentChild {
  readonly #output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly files: AgentFiles,
  ) {
    const keep = (d: Buffer) => {
      this.#output.push(d.toString());
      if (this.#output.length > 50) this.#output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(files: AgentFiles): Promise<AgentChild> {
    const agent = new AgentChild(
      spawnTsx(MAIN, ['--config', files.configFile], false, AGENT_NODE_FLAGS),
      files,
    );
    try {
      await agent.until('LAN server up', async () => (await agent.health()) !== undefined, 30_000);
    } catch (error) {
      await agent.stop();
      throw error;
    }
    return agent;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  get lanUrl(): string {
    return this.files.lanUrl;
  }

  /** `/health` of the LAN server; undefined while it does not answer. */
  async health(): Promise<Health | undefined> {
    this.#assertAlive();
    try {
      const res = await fetch(`${this.lanUrl}/health`);
      if (!res.ok) return undefined;
      return ((await res.json()) as { cloud: Health }).cloud;
    } catch {
      return undefined;
    }
  }

  /** Polls `check` every `everyMs` until it holds; throws naming `what` after `timeoutMs`. */
  async until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline)
        throw new Error(`agent: ${what} not reached in ${timeoutMs} ms${this.#tail()}`);
      await sleep(everyMs);
    }
  }

  /** Resident and peak resident memory in MB, from /proc/<pid>/status (VmRSS, VmHWM). */
  async memory(): Promise<{ rssMb: number; peakMb: number }> {
    this.#assertAlive();
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => {
      const match = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(status);
      if (!match) throw new Error(`no ${key} in /proc/${this.pid}/status`);
      return Number(match[1]);
    };
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** Orderly stop (SIGTERM: the agent says `offline` and closes its store). */
  async stop(): Promise<void> {
    await stopChild(this.child);
  }

  #assertAlive(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      throw new Error(`agent exited (${this.child.exitCode ?? this.child.signalCode})${this.#tail()}`);
  }

  #tail(): string {
    const text = this.#output.join('').trim();
    return text ? `; its output:\n${text.slice(-2000)}` : '';
  }
}
