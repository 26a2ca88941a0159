import { describe, expect, it } from 'vitest';
import { asciiFrame, FrameError, modbusFrame } from '../../../../edge-agent/src/devices/led-board/frames.ts';
import { LedBoardSimulator } from '../../../../edge-agent/src/devices/led-board/simulator.ts';

describe('Class: LedBoardSimulator', () => {
  it('records each frame with its time, bytes and decoded text, and what each board shows', async () => {
    let now = 1000;
    const bus = new LedBoardSimulator({ protocol: 'modbus', now: () => now });
    await bus.write(modbusFrame(1, 'A001'));
    now = 1400;
    await bus.write(modbusFrame(2, 'B001'));
    await bus.write(modbusFrame(1, 'A002'));
    expect(bus.frames.map((f) => [f.at, f.decoded])).toEqual([
      [1000, { address: 1, text: 'A001' }],
      [1400, { address: 2, text: 'B001' }],
      [1400, { address: 1, text: 'A002' }],
    ]);
    expect(bus.frames[0]?.bytes).toEqual(modbusFrame(1, 'A001'));
    expect([bus.textOf(1), bus.textOf(2), bus.textOf(3)]).toEqual(['A002', 'B001', undefined]);
  });

  it('rejects a frame with a bad CRC, as a board would ignore it, and records nothing', async () => {
    const bus = new LedBoardSimulator({ protocol: 'modbus' });
    const frame = modbusFrame(1, 'A001');
    frame.writeUInt8(frame.readUInt8(frame.length - 1) ^ 0xff, frame.length - 1);
    await expect(bus.write(frame)).rejects.toThrow(FrameError);
    await expect(bus.write(asciiFrame(1, 'A001'))).rejects.toThrow(FrameError);
    expect(bus.frames).toEqual([]);
  });

  it('refuses writes once closed', async () => {
    const bus = new LedBoardSimulator({ protocol: 'ascii' });
    await bus.close();
    await expect(bus.write(asciiFrame(1, 'A001'))).rejects.toThrow(/closed/);
  });
});
