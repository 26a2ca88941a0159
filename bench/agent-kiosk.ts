import { performance } from 'node:perf_hooks';
import { type PrintedJob, PrinterSimulator } from '../edge-agent/src/devices/printer/simulator.ts';
import { BrokerChild } from './agent-broker.ts';
import { AgentChild } from './agent-child.ts';
import { connectDisplay } from './agent-lan.ts';
import { epochMs, freePort, tenth, type Workspace, writeAgentFiles } from './agent-setup.ts';
import { type Figure, percentile, ratio } from './results-file.ts';

const WARM_UP = 30;
const PRESSES = 300;
const FIELDS = ['chung-thuc', 'ho-tich', 'van-thu', 'thue'];

/**
 * Kiosk press → last byte of that ticket at the printer, against a `GET /health` round trip to
 * the same LAN server. The agent is a child process, with the printer simulator and the client
 * here: the agent gets its own event loop as on the mini-PC, and both ends of each measurement
 * (the press and the simulator's `receivedAt`) are on this process's clock.
 */
export async function kioskFigures(ws: Workspace): Promise<Record<string, Figure>> {
  const printer = new PrinterSimulator();
  const { port: printerPort } = await printer.start();
  const brokerPort = await freePort();
  const broker = await BrokerChild.start(ws.ca.dir, brokerPort);
  let agent: AgentChild | undefined;
  let display: { close(): void } | undefined;
  try {
    agent = await AgentChild.start(await writeAgentFiles(ws, 'kiosk', { brokerPort, printerPort }));
    const running = agent;
    const { lanUrl } = running;
    // Connected and with a hall display, as in a ward: each press also publishes and notifies.
    await running.until('cloud online', async () => (await running.health())?.online === true, 30_000);
    display = connectDisplay(lanUrl);

    console.log(`bench: agent kiosk: warm-up (${WARM_UP} presses, ${WARM_UP} health checks)…`);
    for (let i = 0; i < WARM_UP; i++) {
      await press(lanUrl, printer, FIELDS[i % FIELDS.length] as string);
      await health(lanUrl);
    }
    console.log(`bench: agent kiosk: ${PRESSES} GET /health, then ${PRESSES} presses, one after another…`);
    const baseline: number[] = [];
    for (let i = 0; i < PRESSES; i++) baseline.push(await health(lanUrl));
    const presses: number[] = [];
    for (let i = 0; i < PRESSES; i++)
      presses.push(await press(lanUrl, printer, FIELDS[i % FIELDS.length] as string));
    presses.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);

    const figure = (p: number): Figure => {
      const value = percentile(presses, p);
      const base = percentile(baseline, p);
      return {
        value: tenth(value),
        unit: 'ms',
        comparedWith: {
          name: `GET /health round trip p${p}, same LAN server`,
          value: tenth(base),
          ratio: ratio(value, base),
        },
        note:
          `${PRESSES} sequential POST /api/tickets after ${WARM_UP} warm-up, from just before the request to the ` +
          'printer simulator receiving the last byte of that ticket (render + ESC/POS raster over TCP); agent as a ' +
          `child process, online to a local broker, one hall display connected. Budget: p99 ≤ 50 ms.`,
      };
    };
    return { 'agent.kiosk_press_to_printer.p50': figure(50), 'agent.kiosk_press_to_printer.p99': figure(99) };
  } finally {
    display?.close();
    await agent?.stop();
    await broker.stop();
    await printer.stop();
  }
}

/** One kiosk press: ms from just before the request to the last byte of its ticket at the printer. */
async function press(url: string, printer: PrinterSimulator, field: string): Promise<number> {
  const jobs: PrintedJob[] = [];
  const unsubscribe = printer.onJob((job) => jobs.push(job));
  try {
    const start = epochMs();
    const res = await fetch(`${url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ field }),
    });
    const body = (await res.json()) as { number?: string; printed?: boolean; printerProblem?: string };
    if (res.status !== 201 || body.printed !== true)
      throw new Error(`kiosk press: HTTP ${res.status}, printed ${body.printed}: ${JSON.stringify(body)}`);
    // The agent answers only after the printer closed its side, so the job is already here.
    const [job] = jobs;
    if (jobs.length !== 1 || !job)
      throw new Error(`kiosk press ${body.number}: ${jobs.length} print jobs arrived`);
    return job.receivedAt - start;
  } finally {
    unsubscribe();
  }
}

/** One `GET /health` round trip, body read, in ms. */
async function health(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/health`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET /health: HTTP ${res.status}`);
  return performance.now() - start;
}
