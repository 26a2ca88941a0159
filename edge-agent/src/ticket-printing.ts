import { PrinterError } from './devices/printer/errors.ts';
import type { PrinterStatus } from './devices/printer/escpos.ts';
import { ticketBytes } from './devices/printer/escpos.ts';
import { renderTicket, type TicketContent } from './devices/printer/ticket-render.ts';

/** What the agent needs of a ticket printer (NetworkPrinter, or one pointed at the simulator). */
export interface TicketPrinter {
  print(bytes: Uint8Array): Promise<void>;
  status(): Promise<PrinterStatus>;
}

const PROBLEM = {
  unreachable: 'Không kết nối được máy in',
  timeout: 'Máy in không phản hồi',
  paper_out: 'Máy in hết giấy',
  cover_open: 'Nắp máy in đang mở',
  offline: 'Máy in đang tạm ngừng',
  bad_reply: 'Máy in trả lời không hợp lệ',
} as const;

/** Prints a ticket; answers the problem in Vietnamese instead of throwing, so the kiosk can show the number. */
export async function printTicket(
  printer: TicketPrinter | undefined,
  content: TicketContent,
): Promise<string | undefined> {
  if (!printer) return 'Chưa cấu hình máy in';
  try {
    await printer.print(ticketBytes(renderTicket(content)));
    return undefined;
  } catch (error) {
    return error instanceof PrinterError ? PROBLEM[error.code] : 'Máy in gặp sự cố';
  }
}

/** A short Vietnamese description of a status, or undefined when all is well. */
export function describeStatus(status: PrinterStatus): string | undefined {
  if (!status.online) return PROBLEM.offline;
  if (status.paperOut) return PROBLEM.paper_out;
  if (status.coverOpen) return PROBLEM.cover_open;
  if (status.error) return `Máy in báo lỗi: ${status.error}`;
  if (status.paperLow) return 'Máy in sắp hết giấy';
  return undefined;
}
