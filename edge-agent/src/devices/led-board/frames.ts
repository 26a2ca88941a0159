import { isBoardText, toBoardText } from './board-text.ts';

/**
 * The two wire formats of commodity RS-485 counter boards. Encoders take any text and
 * transliterate it (board-text.ts); decoders check every byte, for the simulator and tests.
 */

/** How a board is driven: the simple ASCII frame, or Modbus RTU. */
export type LedProtocol = 'ascii' | 'modbus';

/** What a frame tells a board: show `text`. `address` is the board address or Modbus unit. */
export interface DecodedFrame {
  readonly address: number;
  readonly text: string;
}

/** A frame that a board would reject. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

const SOH = 0x01;
const BEL = 0x07;
const WRITE_MULTIPLE_REGISTERS = 0x10;
/** Modbus caps one Write Multiple Registers request at 123 registers (246 characters). */
const MAX_REGISTERS = 123;
export const MAX_MODBUS_TEXT = MAX_REGISTERS * 2;

/** `0x01`, the address byte, the text as ASCII, `0x07`. */
export function asciiFrame(address: number, text: string): Buffer {
  checkRange('address', address, 0, 255);
  return Buffer.concat([
    Buffer.from([SOH, address]),
    Buffer.from(toBoardText(text), 'latin1'),
    Buffer.from([BEL]),
  ]);
}

export function decodeAsciiFrame(bytes: Uint8Array): DecodedFrame {
  if (bytes.length < 3 || bytes[0] !== SOH || bytes[bytes.length - 1] !== BEL) {
    throw new FrameError('an ASCII frame is 0x01, address, text, 0x07');
  }
  const text = bytes.subarray(2, -1);
  if (!isBoardText(text)) throw new FrameError('the text of an ASCII frame must be printable ASCII');
  return { address: bytes[1] as number, text: Buffer.from(text).toString('latin1') };
}

/**
 * Modbus RTU "Write Multiple Registers" (0x10) of the text, from holding register 0.
 *
 * Register layout (boards differ; this is the common one, check the board's manual): two
 * characters per register, the first in the high byte (Modbus registers are big-endian), so
 * "B012" is registers 0x4230 0x3132. An odd-length text ends with a 0x00 byte, which boards
 * read as the end of the string; an empty text writes one register of 0x0000 (clears it).
 */
export function modbusFrame(unit: number, text: string): Buffer {
  // 0 is the broadcast unit: every board on the bus would show the text.
  checkRange('unit', unit, 0, 247);
  const ascii = Buffer.from(toBoardText(text), 'latin1');
  if (ascii.length > MAX_MODBUS_TEXT) {
    throw new RangeError(`text of ${ascii.length} characters exceeds one Modbus write (${MAX_MODBUS_TEXT})`);
  }
  const registers = Math.max(1, Math.ceil(ascii.length / 2));
  const data = Buffer.alloc(registers * 2);
  ascii.copy(data);
  const head = Buffer.from([unit, WRITE_MULTIPLE_REGISTERS, 0, 0, 0, registers, data.length]);
  return withCrc(Buffer.concat([head, data]));
}

export function decodeModbusFrame(bytes: Uint8Array): DecodedFrame {
  const frame = Buffer.from(bytes);
  if (frame.length < 11) throw new FrameError('a Modbus write of registers is at least 11 bytes');
  const body = frame.subarray(0, -2);
  if (crc16Modbus(body) !== frame.readUInt16LE(frame.length - 2)) throw new FrameError('bad Modbus CRC');
  if (frame[1] !== WRITE_MULTIPLE_REGISTERS)
    throw new FrameError(`Modbus function ${frame[1]}, expected 0x10`);
  if (frame.readUInt16BE(2) !== 0) throw new FrameError('the text must start at register 0');
  const registers = frame.readUInt16BE(4);
  if (
    registers < 1 ||
    registers > MAX_REGISTERS ||
    frame[6] !== registers * 2 ||
    body.length !== 7 + registers * 2
  ) {
    throw new FrameError('Modbus register count, byte count and length disagree');
  }
  const text = body.subarray(7).toString('latin1').replace(/\0+$/, '');
  if (!isBoardText(Buffer.from(text, 'latin1'))) throw new FrameError('the text must be printable ASCII');
  return { address: frame[0] as number, text };
}

/** The frame for a protocol. */
export function encodeFrame(protocol: LedProtocol, address: number, text: string): Buffer {
  return protocol === 'ascii' ? asciiFrame(address, text) : modbusFrame(address, text);
}

/** Decodes a frame of a protocol; throws a FrameError if a board would reject it. */
export function decodeFrame(protocol: LedProtocol, bytes: Uint8Array): DecodedFrame {
  return protocol === 'ascii' ? decodeAsciiFrame(bytes) : decodeModbusFrame(bytes);
}

/** CRC-16/MODBUS: reflected polynomial 0xA001, initial value 0xFFFF. */
export function crc16Modbus(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Appends the CRC, low byte first: Modbus sends the CRC little-endian, unlike its registers. */
function withCrc(body: Buffer): Buffer {
  const crc = Buffer.alloc(2);
  crc.writeUInt16LE(crc16Modbus(body));
  return Buffer.concat([body, crc]);
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} ${value} is not an integer ${min}–${max}`);
  }
}
