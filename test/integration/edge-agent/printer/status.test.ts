import { connect, createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../../edge-agent/src/devices/printer/errors.ts';
import { ticketBytes } from '../../../../edge-agent/src/devices/printer/escpos.ts';
import { NetworkPrinter } from '../../../../edge-agent/src/devices/printer/network-printer.ts';
import { type PaperState, PrinterSimulator } from '../../../../edge-agent/src/devices/printer/simulator.ts';
import { renderTicket } from '../../../../edge-agent/src/devices/printer/ticket-render.ts';

const job = ticketBytes(
  renderTicket({
    wardName: 'Phường Thanh Khê',
    fieldName: 'Hộ tịch',
    number: 'C007',
    issuedAt: '2026-03-02T09:15:00+07:00',
    ahead: 0,
    followUrl: 'https://motcua.danang.gov.vn/hang-doi/thanh-khe/C007',
  }),
);

describe('Class: NetworkPrinter', () => {
  const simulator = new PrinterSimulator();
  let printer: NetworkPrinter;
  let port: number;

  beforeAll(async () => {
    ({ port } = await simulator.start());
    printer = new NetworkPrinter({ host: '127.0.0.1', port, timeoutMs: 2000 });
  });
  afterEach(() => {
    simulator.setPaper('ok');
    simulator.setCoverOpen(false);
  });
  afterAll(() => simulator.stop());

  describe('Method: status', () => {
    it.each<[string, PaperState, boolean, object]>([
      ['paper ok', 'ok', false, { online: true, coverOpen: false, paperLow: false, paperOut: false }],
      ['paper low', 'low', false, { online: true, coverOpen: false, paperLow: true, paperOut: false }],
      ['paper out', 'out', false, { online: false, coverOpen: false, paperLow: true, paperOut: true }],
      ['cover open', 'ok', true, { online: false, coverOpen: true, paperLow: false, paperOut: false }],
    ])('reports %s', async (_, paper, coverOpen, expected) => {
      simulator.setPaper(paper);
      simulator.setCoverOpen(coverOpen);

      expect(await printer.status()).toEqual(expected);
    });
  });

  describe('Method: print', () => {
    it('refuses a job when the paper is out, and nothing is printed', async () => {
      simulator.setPaper('out');
      const before = simulator.jobs.length;

      const error = await printer.print(job).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PrinterError);
      expect(error).toMatchObject({ code: 'paper_out' });
      expect((error as Error).message).toMatch(/paper out/);
      expect((await printer.status()).paperOut).toBe(true);
      expect(simulator.jobs).toHaveLength(before);
    });

    it('refuses a job when the cover is open', async () => {
      simulator.setCoverOpen(true);

      await expect(printer.print(job)).rejects.toThrow(/cover open/);
    });

    it('still prints when the paper is only low', async () => {
      simulator.setPaper('low');
      const before = simulator.jobs.length;

      await printer.print(job);

      expect(simulator.jobs).toHaveLength(before + 1);
    });
  });

  describe('Class: PrinterSimulator', () => {
    it('prints nothing sent while out of paper, as the device does, and prints again once refilled', async () => {
      simulator.setPaper('out');
      const before = simulator.jobs.length;

      await sendRaw(port, job);
      expect(simulator.jobs).toHaveLength(before);

      simulator.setPaper('ok');
      await sendRaw(port, job);
      expect(simulator.jobs).toHaveLength(before + 1);
    });
  });
});

describe('Class: NetworkPrinter, printer not there', () => {
  let silent: Server;
  let silentPort: number;

  beforeAll(async () => {
    // Accepts connections, reads and discards, never answers: a hung printer.
    silent = createServer((socket) => socket.resume());
    silentPort = await listen(silent);
  });
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  it('fails fast with "printer unreachable" when nothing listens on the port', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const start = performance.now();

    await expect(new NetworkPrinter({ host: '127.0.0.1', port, timeoutMs: 500 }).print(job)).rejects.toThrow(
      `printer unreachable at 127.0.0.1:${port}`,
    );
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('gives up after the timeout when a connected printer never answers', async () => {
    const start = performance.now();

    const error = await new NetworkPrinter({ host: '127.0.0.1', port: silentPort, timeoutMs: 300 })
      .print(job)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'timeout' });
    expect((error as Error).message).toBe(`printer at 127.0.0.1:${silentPort} did not answer within 300 ms`);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800);
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

/** Writes bytes straight to the simulator, as a client that skips the status check would. */
function sendRaw(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(bytes));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}
