import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE, rasterSize } from '../../../src/domain/export/raster';

describe('rasterSize', () => {
  it('doubles an ordinary diagram', () => {
    expect(rasterSize(1200, 700)).toEqual({ width: 2400, height: 1400, scale: 2, reduced: false });
    expect(rasterSize(1200, 700, 1)).toEqual({ width: 1200, height: 700, scale: 1, reduced: false });
  });

  it('scales a very wide diagram down to 16,384 px on its long side', () => {
    const r = rasterSize(20_000, 600);
    expect(r.width).toBe(MAX_CANVAS_SIDE);
    expect(r.reduced).toBe(true);
    expect(r.scale).toBeCloseTo(MAX_CANVAS_SIDE / 20_000, 6);
    expect(r.height).toBe(Math.round(600 * r.scale));
  });

  it('scales a large square diagram down to 16.7 million pixels', () => {
    const r = rasterSize(6000, 5000);
    expect(r.width * r.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(r.width * r.height).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.99);
    expect(r.width / r.height).toBeCloseTo(6000 / 5000, 2);
    expect(r.reduced).toBe(true);
  });

  it('never fails: degenerate sizes give at least one pixel', () => {
    expect(rasterSize(0, 0)).toMatchObject({ width: 2, height: 2 });
    expect(rasterSize(Number.NaN, 10)).toMatchObject({ width: 2, height: 20 });
    const thin = rasterSize(1, 1e7);
    expect(thin.height).toBe(MAX_CANVAS_SIDE);
    expect(thin.width).toBeGreaterThanOrEqual(1);
  });

  it('stays within both limits and keeps the aspect ratio for any size (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2e6, noNaN: true }), fc.double({ min: 1, max: 2e6, noNaN: true }), (w, h) => {
        const r = rasterSize(w, h);
        expect(r.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
        expect(r.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
        expect(r.width * r.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
        expect(r.scale).toBeLessThanOrEqual(2);
        expect(r.reduced).toBe(r.scale < 2);
        // Rounding to whole pixels moves each side by at most one pixel.
        const ratio = r.width / r.height / (w / h);
        const slack = 1 / Math.min(r.width, r.height) + 1 / Math.min(w * r.scale, h * r.scale);
        if (Math.min(w * r.scale, h * r.scale) >= 1) expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(slack * 1.01);
      }),
    );
  });
});
