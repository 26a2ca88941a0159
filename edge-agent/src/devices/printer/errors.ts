/** Why a print or status request failed; the device adapter turns each into a health event. */
export type PrinterErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'paper_out'
  | 'cover_open'
  | 'offline'
  | 'bad_reply';

/** A failed printer request, with a message staff can act on. */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
