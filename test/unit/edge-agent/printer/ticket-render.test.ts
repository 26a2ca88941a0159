import { describe, expect, it } from 'vitest';
import { BYTES_PER_ROW } from '../../../../edge-agent/src/devices/printer/raster.ts';
import {
  renderTicket,
  type TicketContent,
} from '../../../../edge-agent/src/devices/printer/ticket-render.ts';

const ticket: TicketContent = {
  wardName: 'Phường Hải Châu',
  fieldName: 'Chứng thực',
  number: 'B012',
  issuedAt: '2026-03-02T08:30:00+07:00',
  ahead: 3,
  followUrl: 'https://motcua.danang.gov.vn/hang-doi/hai-chau/B012',
};

const blackDots = (data: Uint8Array) =>
  data.reduce((sum, byte) => {
    let count = 0;
    for (let b = byte; b; b >>= 1) count += b & 1;
    return sum + count;
  }, 0);

describe('Function: renderTicket', () => {
  it('renders a 576-dot wide 1-bit raster, 72 bytes per row', () => {
    const raster = renderTicket(ticket);

    expect(raster.width).toBe(576);
    expect(raster.height).toBeGreaterThan(500);
    expect(raster.data.length).toBe(raster.height * BYTES_PER_ROW);
    // Mostly white paper with a fair amount of ink: text, a big number and a QR.
    const share = blackDots(raster.data) / (raster.height * 576);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.4);
  });

  it('renders the same ticket to the same dots every time', () => {
    expect(renderTicket(ticket).data).toEqual(renderTicket(ticket).data);
  });

  it('changes the dots when the number of people ahead changes', () => {
    expect(renderTicket({ ...ticket, ahead: 4 }).data).not.toEqual(renderTicket(ticket).data);
  });

  it('wraps a long field name onto more lines instead of cutting it', () => {
    const long = renderTicket({ ...ticket, fieldName: 'Đất đai, nhà ở, xây dựng, tài nguyên và môi trường' });

    expect(long.height).toBeGreaterThan(renderTicket(ticket).height);
  });

  it('keeps a long queue number on the paper by shrinking it', () => {
    const raster = renderTicket({ ...ticket, number: 'B1234567' });

    // The first and last columns stay white: nothing ran off the 72 mm print width.
    for (let row = 0; row < raster.height; row++) {
      expect(raster.data[row * BYTES_PER_ROW]).toBe(0);
      expect(raster.data[row * BYTES_PER_ROW + BYTES_PER_ROW - 1]).toBe(0);
    }
  });

  it('refuses an issue time without an offset', () => {
    expect(() => renderTicket({ ...ticket, issuedAt: '2026-03-02T08:30:00' })).toThrow(RangeError);
  });
});
