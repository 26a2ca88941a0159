import { createServer, type Server, type Socket } from 'node:net';
import { EscPosDecoder } from './escpos-decoder.ts';
import { BYTES_PER_ROW, blankRaster, type Raster } from './raster.ts';
import { rasterToPng } from './raster-png.ts';

/** What the simulated roll-paper sensors see. */
export type PaperState = 'ok' | 'low' | 'out';

/** A ticket the simulated printer printed. */
export type PrintedJob = {
  /** Epoch ms with sub-ms precision (`performance.timeOrigin + performance.now()`) of the last byte. */
  receivedAt: number;
  /** Every byte of the job except status queries. */
  bytes: Buffer;
  /** What the paper shows: the job's raster bands stacked top to bottom. */
  raster: Raster;
  /** The same as a PNG; encoded on first read so that recording a job stays fast. */
  readonly png: Buffer;
};

export type PrinterSimulatorOptions = { host?: string; port?: number; keepJobs?: number };

type JobListener = (job: PrintedJob) => void;

/**
 * A network ESC/POS ticket printer in a process: listens like one on raw TCP, answers `DLE EOT`
 * from settable paper and cover state, and turns each `GS v 0` job back into an image. For tests
 * and benchmarks on machines without the hardware.
 */
export class PrinterSimulator {
  private readonly host: string;
  private readonly port: number;
  private readonly keepJobs: number;
  private readonly printed: PrintedJob[] = [];
  private readonly listeners = new Set<JobListener>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private paper: PaperState = 'ok';
  private coverOpen = false;

  constructor({ host = '127.0.0.1', port = 0, keepJobs = 20 }: PrinterSimulatorOptions = {}) {
    this.host = host;
    this.port = port;
    this.keepJobs = keepJobs;
  }

  /** Starts listening; port 0 picks a free one, returned here. */
  start(): Promise<{ port: number }> {
    if (this.server) throw new Error('printer simulator already started');
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve({ port: typeof address === 'object' && address ? address.port : this.port });
      });
    });
  }

  /** Stops listening and drops open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setPaper(state: PaperState): void {
    this.paper = state;
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
  }

  /** The last jobs printed, oldest first. */
  get jobs(): readonly PrintedJob[] {
    return this.printed;
  }

  /** The PNG of the last job printed, if any. */
  lastPng(): Buffer | undefined {
    return this.printed.at(-1)?.png;
  }

  /** Calls `listener` as each job's last byte arrives; returns the unsubscribe function. */
  onJob(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A real printer stops with paper out or the cover open and prints nothing sent meanwhile. */
  private get canPrint(): boolean {
    return this.paper !== 'out' && !this.coverOpen;
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    const decoder = new EscPosDecoder();
    let job: Buffer[] = [];
    let bands: { bytesPerRow: number; rows: number; data: Buffer }[] = [];
    let dropped = false;

    const finishJob = () => {
      if (bands.length > 0 && !dropped) this.record(Buffer.concat(job), bands);
      job = [];
      bands = [];
      dropped = false;
    };

    socket.on('data', (chunk: Buffer) => {
      for (const command of decoder.push(chunk)) {
        if (command.kind === 'status') {
          // Real-time: answered at once, whatever state the printer is in, and not part of a job.
          socket.write(Buffer.from([this.statusByte(command.n)]));
          continue;
        }
        if (!this.canPrint) dropped = true;
        job.push(command.bytes);
        if (command.kind === 'raster') bands.push(command);
        if (command.kind === 'cut') finishJob();
      }
    });
    // A job without a cut is still printed once the client is done sending.
    socket.on('end', () => {
      finishJob();
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private record(bytes: Buffer, bands: { bytesPerRow: number; rows: number; data: Buffer }[]): void {
    const receivedAt = performance.timeOrigin + performance.now();
    const raster = stackBands(bands);
    let png: Buffer | undefined;
    const job: PrintedJob = {
      receivedAt,
      bytes,
      raster,
      get png() {
        png ??= rasterToPng(raster);
        return png;
      },
    };
    this.printed.push(job);
    if (this.printed.length > this.keepJobs) this.printed.shift();
    for (const listener of this.listeners) listener(job);
  }

  /** The reply byte to `DLE EOT n`: bits 1 and 4 always set, the rest from the simulated state. */
  private statusByte(n: number): number {
    const out = this.paper === 'out';
    switch (n) {
      case 1:
        return 0x12 | (this.canPrint ? 0 : 0x08);
      case 2:
        return 0x12 | (this.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0);
      case 4:
        // With the roll gone the near-end sensor sees no paper either.
        return 0x12 | (this.paper !== 'ok' ? 0x0c : 0) | (out ? 0x60 : 0);
      default:
        return 0x12;
    }
  }
}

/**
 * Stacks raster bands as the paper shows them. Rows wider than the 576-dot head are clipped and
 * narrower ones padded white, as the printer would; modes other than 0 are not scaled.
 */
function stackBands(bands: { bytesPerRow: number; rows: number; data: Buffer }[]): Raster {
  const raster = blankRaster(bands.reduce((sum, band) => sum + band.rows, 0));
  let top = 0;
  for (const band of bands) {
    const copy = Math.min(band.bytesPerRow, BYTES_PER_ROW);
    for (let row = 0; row < band.rows; row++) {
      const from = row * band.bytesPerRow;
      raster.data.set(band.data.subarray(from, from + copy), (top + row) * BYTES_PER_ROW);
    }
    top += band.rows;
  }
  return raster;
}
