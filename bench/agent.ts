import { drainFigures } from './agent-drain.ts';
import { kioskFigures } from './agent-kiosk.ts';
import { memoryFigures } from './agent-memory.ts';
import { createWorkspace, type Workspace } from './agent-setup.ts';
import type { Figure } from './results-file.ts';

/**
 * The edge agent's figures of ARCHITECTURE §7: kiosk press → ticket at the printer (p50/p99),
 * drain of a 10,000-event outbox after an outage, and resident memory after a day of 3,000
 * tickets. Everything runs on 127.0.0.1 from one temp folder (local CA, agent data) that is
 * removed at the end, with every child process stopped; a failing piece throws, so no figure is
 * ever half measured. About 2–3 minutes: mostly the day of tickets and the agent's reconnect
 * backoff (up to 60 s) after the simulated outage.
 */
export async function agentFigures(): Promise<Record<string, Figure>> {
  const ws = await createWorkspace();
  try {
    console.log(`bench: agent: workspace ${ws.dir}`);
    return {
      ...(await timed('kiosk press → printer', ws, kioskFigures)),
      ...(await timed('outbox drain', ws, drainFigures)),
      ...(await timed('memory after a day', ws, memoryFigures)),
    };
  } finally {
    await ws.remove();
  }
}

async function timed(
  what: string,
  ws: Workspace,
  measure: (ws: Workspace) => Promise<Record<string, Figure>>,
): Promise<Record<string, Figure>> {
  const start = Date.now();
  const figures = await measure(ws);
  console.log(`bench: agent: ${what} measured in ${Math.round((Date.now() - start) / 1000)} s`);
  return figures;
}
