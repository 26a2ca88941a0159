import { PrinterSimulator } from '../edge-agent/src/devices/printer/simulator.ts';
import { BrokerChild } from './agent-broker.ts';
import { AgentChild } from './agent-child.ts';
import { connectDisplay, loginCounters } from './agent-lan.ts';
import { freePort, sleep, tenth, type Workspace, writeAgentFiles } from './agent-setup.ts';
import { runDay } from './agent-workload.ts';
import { type Figure, ratio } from './results-file.ts';

const TICKETS = 3000;

/**
 * Resident memory of a real agent process (`node --import tsx edge-agent/src/main.ts`) after a
 * day of 3,000 tickets, against the same process right after it started. The printer simulator
 * runs here (the printer is hardware, not agent memory); the broker runs in its own process.
 */
export async function memoryFigures(ws: Workspace): Promise<Record<string, Figure>> {
  const printer = new PrinterSimulator({ keepJobs: 1 });
  const { port: printerPort } = await printer.start();
  const brokerPort = await freePort();
  const broker = await BrokerChild.start(ws.ca.dir, brokerPort);
  let agent: AgentChild | undefined;
  let display: { close(): void } | undefined;
  try {
    agent = await AgentChild.start(await writeAgentFiles(ws, 'day', { brokerPort, printerPort }));
    const running = agent;
    await running.until('cloud online', async () => (await running.health())?.online === true, 30_000);
    await sleep(500); // let start-up work (first printer poll, status publish) settle
    const atStart = await running.memory();

    console.log(`bench: agent memory: a day of ${TICKETS} tickets through the LAN API (8 counters)…`);
    display = connectDisplay(running.lanUrl);
    const tokens = await loginCounters(running.lanUrl);
    const started = Date.now();
    const tally = await runDay(running.lanUrl, {
      tickets: TICKETS,
      tokens,
      announce: true,
      progress: (t) => console.log(`bench: agent memory: ${t.issued} tickets, ${t.events} events`),
    });
    if (tally.issued !== TICKETS) throw new Error(`the day issued ${tally.issued} tickets, not ${TICKETS}`);
    // End of the day as the ward sees it: everything published, the display still on.
    await running.until('outbox drained', async () => (await running.health())?.outboxDepth === 0, 60_000);
    const afterDay = await running.memory();
    const counted = await broker.counts();
    if (counted.ids.length < tally.events)
      throw new Error(`broker got ${counted.ids.length} event ids, the day made at least ${tally.events}`);

    return {
      'agent.rss_after_day_3000': {
        value: tenth(afterDay.rssMb),
        unit: 'MB',
        comparedWith: {
          name: 'RSS of the same agent right after start (online, idle)',
          value: tenth(atStart.rssMb),
          ratio: ratio(afterDay.rssMb, atStart.rssMb),
        },
        note:
          `VmRSS from /proc after ${TICKETS} tickets (${tally.calls} calls, ${tally.served} served, ` +
          `${tally.ratings} ratings, ${tally.recalls} recalls, ${tally.noShows} no-shows, ${tally.rejoins} rejoins, ` +
          `${tally.transfers} transfers; ${counted.ids.length} events published) in ` +
          `${Math.round((Date.now() - started) / 1000)} s, printing every ticket, a hall display on /api/live ` +
          `fetching every call's WAV; peak (VmHWM) ${tenth(afterDay.peakMb)} MB. Runs under tsx, as ` +
          '`npm run agent` does. Budget: ≤ 150 MB.',
      },
    };
  } finally {
    display?.close();
    await agent?.stop();
    await broker.stop();
    await printer.stop();
  }
}
