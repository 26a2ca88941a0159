import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBoardText, toBoardText } from '../../../../edge-agent/src/devices/led-board/board-text.ts';
import {
  asciiFrame,
  crc16Modbus,
  decodeAsciiFrame,
  decodeFrame,
  decodeModbusFrame,
  encodeFrame,
  FrameError,
  MAX_MODBUS_TEXT,
  modbusFrame,
} from '../../../../edge-agent/src/devices/led-board/frames.ts';

const hex = (bytes: Buffer) => bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ');
const from = (spaced: string) => Buffer.from(spaced.replace(/ /g, ''), 'hex');
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

describe('Function: toBoardText', () => {
  it('drops Vietnamese diacritics, đ included, keeping the letters', () => {
    expect(toBoardText('Quầy 3: B012')).toBe('Quay 3: B012');
    expect(toBoardText('Đến quầy số 12')).toBe('Den quay so 12');
    expect(toBoardText('Mời công dân có số thứ tự')).toBe('Moi cong dan co so thu tu');
    expect(toBoardText('àáảãạăằắẳẵặâầấẩẫậ èéẻẽẹêềếểễệ ìíỉĩị òóỏõọôồốổỗộơờớởỡợ ùúủũụưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaaaaaaaaaaaaaa eeeeeeeeeee iiiii ooooooooooooooooo uuuuuuuuuuu yyyyy',
    );
    expect(toBoardText('ĐƠN VỊ HÀNH CHÍNH')).toBe('DON VI HANH CHINH');
  });

  it('keeps control bytes out: whitespace becomes a space, the rest a stand-in', () => {
    expect(toBoardText('B012\n\t3')).toBe('B012  3');
    expect(toBoardText('B012 – 3 → ok\u0007')).toBe('B012 - 3 ? ok?');
  });

  it('always gives printable ASCII, and leaves printable ASCII as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) =>
        isBoardText(Buffer.from(toBoardText(text), 'latin1')),
      ),
    );
    fc.assert(fc.property(printable, (text) => toBoardText(text) === text));
  });
});

describe('Function: asciiFrame', () => {
  it('is 0x01, the address byte, the ASCII text, 0x07', () => {
    expect(hex(asciiFrame(1, 'B012'))).toBe('01 01 42 30 31 32 07');
    expect(hex(asciiFrame(12, 'Quầy 3'))).toBe('01 0c 51 75 61 79 20 33 07');
    expect(hex(asciiFrame(255, ''))).toBe('01 ff 07');
  });

  it('refuses an address that is not a byte', () => {
    for (const address of [-1, 256, 1.5, Number.NaN])
      expect(() => asciiFrame(address, 'B012')).toThrow(RangeError);
  });
});

describe('Function: modbusFrame', () => {
  it('writes two characters per register from register 0, CRC low byte first (hand-checked CRCs)', () => {
    // 01 unit, 10 function, 0000 start, 0002 registers, 04 bytes, "B012", CRC 0x9D73.
    expect(hex(modbusFrame(1, 'B012'))).toBe('01 10 00 00 00 02 04 42 30 31 32 73 9d');
    // Odd length: a 0x00 byte ends the text. CRC 0x78A3.
    expect(hex(modbusFrame(1, 'B12'))).toBe('01 10 00 00 00 02 04 42 31 32 00 a3 78');
    // Unit 2, four registers "A0","05"," Q","3\0". CRC 0x91C7.
    expect(hex(modbusFrame(2, 'A005 Q3'))).toBe('02 10 00 00 00 04 08 41 30 30 35 20 51 33 00 c7 91');
    // Diacritics go before the frame is built: "Quầy" is sent as "Quay".
    expect(decodeModbusFrame(modbusFrame(3, 'Quầy 3')).text).toBe('Quay 3');
  });

  it('clears a board with one register of zeros for an empty text', () => {
    expect(hex(modbusFrame(1, '').subarray(0, -2))).toBe('01 10 00 00 00 01 02 00 00');
    expect(decodeModbusFrame(modbusFrame(1, ''))).toEqual({ address: 1, text: '' });
  });

  it('refuses units above 247 and texts longer than one write', () => {
    expect(() => modbusFrame(248, 'B012')).toThrow(RangeError);
    expect(() => modbusFrame(1, 'x'.repeat(MAX_MODBUS_TEXT + 1))).toThrow(/exceeds one Modbus write/);
    expect(() => modbusFrame(1, 'x'.repeat(MAX_MODBUS_TEXT))).not.toThrow();
  });
});

describe('Function: crc16Modbus', () => {
  it('matches the CRC-16/MODBUS check value and the textbook Modbus requests', () => {
    expect(crc16Modbus(Buffer.from('123456789'))).toBe(0x4b37);
    expect(crc16Modbus(from('01 03 00 00 00 0a'))).toBe(0xcdc5);
    expect(crc16Modbus(from('01 03 00 00 00 01'))).toBe(0x0a84);
    expect(crc16Modbus(from('01 10 00 01 00 02 04 00 0a 01 02'))).toBe(0x3092);
  });
});

describe('Decoding', () => {
  it('gives back address and text of any frame, in both protocols', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), printable, (address, text) => {
        expect(decodeAsciiFrame(asciiFrame(address, text))).toEqual({ address, text });
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 247 }),
        printable.filter((t) => t.length <= MAX_MODBUS_TEXT),
        (unit, text) => {
          expect(decodeModbusFrame(modbusFrame(unit, text))).toEqual({ address: unit, text });
        },
      ),
    );
  });

  it('gives back the transliterated text of any Unicode text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ascii' as const, 'modbus' as const),
        fc.string({ maxLength: 100 }),
        (protocol, text) => {
          expect(decodeFrame(protocol, encodeFrame(protocol, 7, text)).text).toBe(toBoardText(text));
        },
      ),
    );
  });

  it('catches any single flipped bit of a Modbus frame by its CRC (or its layout)', () => {
    fc.assert(
      fc.property(
        printable.filter((t) => t.length <= 40),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (text, at, bit) => {
          const frame = modbusFrame(1, text);
          const i = at % frame.length;
          frame[i] = (frame[i] as number) ^ (1 << bit);
          expect(() => decodeModbusFrame(frame)).toThrow(FrameError);
        },
      ),
    );
  });

  it('refuses frames a board would drop', () => {
    expect(() => decodeAsciiFrame(from('01 01 42 30'))).toThrow(FrameError);
    expect(() => decodeAsciiFrame(from('02 01 42 07'))).toThrow(FrameError);
    expect(() => decodeAsciiFrame(from('01 01 42 0a 30 07'))).toThrow(/printable/);
    const wrongFunction = from('01 06 00 00 00 01 02 42 30');
    expect(() => decodeModbusFrame(Buffer.concat([wrongFunction, crcOf(wrongFunction)]))).toThrow(
      /function 6/,
    );
    const wrongStart = from('01 10 00 05 00 01 02 42 30');
    expect(() => decodeModbusFrame(Buffer.concat([wrongStart, crcOf(wrongStart)]))).toThrow(/register 0/);
    const wrongCount = from('01 10 00 00 00 02 02 42 30');
    expect(() => decodeModbusFrame(Buffer.concat([wrongCount, crcOf(wrongCount)]))).toThrow(/disagree/);
    expect(() => decodeModbusFrame(from('01 10 00 00'))).toThrow(FrameError);
  });
});

function crcOf(body: Buffer): Buffer {
  const crc = Buffer.alloc(2);
  crc.writeUInt16LE(crc16Modbus(body));
  return crc;
}
