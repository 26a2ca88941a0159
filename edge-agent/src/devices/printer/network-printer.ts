import { connect, type Socket } from 'node:net';
import { PrinterError, type PrinterErrorCode } from './errors.ts';
import { type PrinterStatus, parseStatus, STATUS_QUERIES, STATUS_REPLY_LENGTH } from './escpos.ts';

/** Where the printer listens; 9100 is the raw-printing port every networked ESC/POS printer opens. */
export type NetworkPrinterOptions = { host: string; port?: number; timeoutMs?: number };

/** What one connection offers a job: ask and read a fixed-size answer, or send the last bytes. */
type Link = {
  ask(query: Uint8Array, replyLength: number): Promise<Buffer>;
  finish(bytes?: Uint8Array): Promise<void>;
};

/**
 * Driver of one ESC/POS printer over raw TCP. One connection per job: printers on port 9100 take
 * one client at a time and drop idle ones at their own whim, so a held-open socket would fail in
 * ways that are only found at the next ticket; a fresh LAN connection costs about a millisecond.
 */
export class NetworkPrinter {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;

  constructor({ host, port = 9100, timeoutMs = 3000 }: NetworkPrinterOptions) {
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  /** `host:port`, as error messages name the printer. */
  get address(): string {
    return `${this.host}:${this.port}`;
  }

  /**
   * Sends one job after asking the printer for its status on the same connection, so a ticket is
   * never sent into a printer that would silently drop it (paper out, cover open). Resolves once
   * the printer has read the whole job and closed its side.
   */
  print(bytes: Uint8Array): Promise<void> {
    return this.session(async (link) => {
      const status = await this.readStatus(link);
      const refusal = whyNotReady(status);
      if (refusal) {
        throw new PrinterError(refusal.code, `printer at ${this.address} cannot print: ${refusal.reasons}`);
      }
      await link.finish(bytes);
    });
  }

  /** Reads online, cover, paper and error state (`DLE EOT 1..4`). */
  status(): Promise<PrinterStatus> {
    return this.session(async (link) => {
      const status = await this.readStatus(link);
      await link.finish();
      return status;
    });
  }

  private async readStatus(link: Link): Promise<PrinterStatus> {
    const reply = await link.ask(STATUS_QUERIES, STATUS_REPLY_LENGTH);
    try {
      return parseStatus(reply);
    } catch (error) {
      throw new PrinterError('bad_reply', `printer at ${this.address} sent a garbled status reply`, {
        cause: error,
      });
    }
  }

  /** Opens a connection, runs `job` on it under one deadline, and always closes it. */
  private session<T>(job: (link: Link) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const socket: Socket = connect({ host: this.host, port: this.port });
      // Jobs are written in one call; Nagle's delay would only hold back the status query.
      socket.setNoDelay(true);
      let connected = false;
      let settled = false;
      let received = Buffer.alloc(0);
      let onData: (() => void) | undefined;
      let onClose: (() => void) | undefined;

      const fail = (code: PrinterErrorCode, message: string, cause?: unknown) =>
        settle(new PrinterError(code, message, { cause }));
      function settle(error: Error | undefined, value?: T) {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        socket.destroy();
        if (error) reject(error);
        else resolve(value as T);
      }

      const deadline = setTimeout(() => {
        const message = connected
          ? `printer at ${this.address} did not answer within ${this.timeoutMs} ms`
          : `printer unreachable at ${this.address} (no connection in ${this.timeoutMs} ms)`;
        fail(connected ? 'timeout' : 'unreachable', message);
      }, this.timeoutMs);

      socket.on('connect', () => {
        connected = true;
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        const why = error.code ?? error.message;
        const message = connected
          ? `connection to printer at ${this.address} lost (${why})`
          : `printer unreachable at ${this.address} (${why})`;
        fail('unreachable', message, error);
      });
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        onData?.();
      });
      socket.on('close', () => {
        if (onClose) onClose();
        else fail('unreachable', `printer at ${this.address} closed the connection`);
      });

      const link: Link = {
        ask: (query, replyLength) =>
          new Promise<Buffer>((answered) => {
            onData = () => {
              if (received.length < replyLength) return;
              onData = undefined;
              const reply = received.subarray(0, replyLength);
              received = received.subarray(replyLength);
              answered(reply);
            };
            socket.write(query);
          }),
        // Half-close and wait for the printer to close its side: only then has it read every byte.
        finish: (bytes) =>
          new Promise<void>((closed) => {
            onClose = () => closed();
            if (bytes) socket.end(bytes);
            else socket.end();
          }),
      };

      job(link).then(
        (value) => settle(undefined, value),
        (error: Error) => settle(error),
      );
    });
  }
}

/** The reasons a printer would drop a job, most actionable first; undefined when it can print. */
function whyNotReady(status: PrinterStatus): { code: PrinterErrorCode; reasons: string } | undefined {
  const reasons: [PrinterErrorCode, string][] = [];
  if (status.paperOut) reasons.push(['paper_out', 'paper out']);
  if (status.coverOpen) reasons.push(['cover_open', 'cover open']);
  if (status.error) reasons.push(['offline', status.error]);
  if (!status.online && reasons.length === 0) reasons.push(['offline', 'offline']);
  const [first] = reasons;
  return first && { code: first[0], reasons: reasons.map(([, reason]) => reason).join(', ') };
}
