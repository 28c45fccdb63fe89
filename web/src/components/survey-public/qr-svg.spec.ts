import { describe, expect, it } from 'vitest';
import { qrDrawing } from './qr-svg';

describe('qrDrawing', () => {
  const url = 'https://sipadu.example.go.id/survei/6650a1b2c3d4e5f6a7b8c9d0?kanal=loket';

  it('draws the symbol inside a four-module quiet zone', () => {
    const { size, path } = qrDrawing(url);
    // Versions 1–40 are 21–177 modules wide, plus 2 × 4 quiet modules.
    expect((size - 8 - 21) % 4).toBe(0);
    expect(size).toBeGreaterThanOrEqual(29);
    // The top-left finder pattern: a full run of 7 dark modules on its first row, at (4, 4).
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
    // Nothing is drawn in the quiet zone.
    for (const [, x, y] of path.matchAll(/M(\d+) (\d+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(4);
      expect(Number(y)).toBeGreaterThanOrEqual(4);
      expect(Number(y)).toBeLessThan(size - 4);
    }
  });

  it('is deterministic and depends on the text', () => {
    expect(qrDrawing(url)).toEqual(qrDrawing(url));
    expect(qrDrawing(url).path).not.toBe(qrDrawing(`${url}x`).path);
  });
});
