import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { asciiFrame } from '../../../../edge-agent/src/devices/led-board/frames.ts';
import {
  DEFAULT_SERIAL_SETTINGS,
  SerialPortTransport,
} from '../../../../edge-agent/src/devices/led-board/serial-transport.ts';

/** A mock port with the settings the boards use (9600 8N1), not yet open. */
function mockPort() {
  SerialPortMock.binding.createPort(DEFAULT_SERIAL_SETTINGS.path, { echo: false, record: true });
  return new SerialPortMock({ ...DEFAULT_SERIAL_SETTINGS, autoOpen: false });
}

afterEach(() => {
  SerialPortMock.binding.reset();
});

describe('Class: SerialPortTransport', () => {
  it('opens the port at 9600 8N1 and puts the frames on it, byte for byte', async () => {
    const port = mockPort();
    const transport = await SerialPortTransport.open(port);
    await transport.write(asciiFrame(1, 'A001'));
    await transport.write(asciiFrame(2, 'B001'));
    expect(port.port?.openOptions).toMatchObject({
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
    });
    expect(port.port?.recording).toEqual(Buffer.concat([asciiFrame(1, 'A001'), asciiFrame(2, 'B001')]));
    await transport.close();
    expect(port.isOpen).toBe(false);
  });

  it('fails to open a port that is not there', async () => {
    const port = new SerialPortMock({ path: '/dev/ttyUSB9', baudRate: 9600, autoOpen: false });
    await expect(SerialPortTransport.open(port)).rejects.toThrow();
  });

  it('gives an error the port reported on its own to the next write, instead of crashing', async () => {
    const port = mockPort();
    const transport = await SerialPortTransport.open(port);
    port.emit('error', new Error('device reports readiness to read but returned no data'));
    await expect(transport.write(asciiFrame(1, 'A001'))).rejects.toThrow(/readiness/);
    await transport.write(asciiFrame(1, 'A001'));
    await transport.close();
  });

  it('rejects writes after close', async () => {
    const transport = await SerialPortTransport.open(mockPort());
    await transport.close();
    await expect(transport.write(asciiFrame(1, 'A001'))).rejects.toThrow(/not open/);
    await transport.close();
  });

  it('fails a write the port never finishes, after the write timeout', async () => {
    const port = mockPort();
    const transport = await SerialPortTransport.open(port, { writeTimeoutMs: 20 });
    port.drain = () => {};
    await expect(transport.write(asciiFrame(1, 'A001'))).rejects.toThrow(/not done after 20 ms/);
    await transport.close();
  });
});
