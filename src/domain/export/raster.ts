/** The largest canvas side browsers draw reliably (Chromium and Firefox refuse more than 32,767; Safari 16,384 on iOS). */
export const MAX_CANVAS_SIDE = 16_384;
/** The largest canvas area iOS Safari allows (4096 x 4096, about 16.7 million pixels). */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** Size in pixels of a raster export, and the scale actually used. */
export interface RasterSize {
  width: number;
  height: number;
  /** Pixels per diagram unit; below the requested ratio when the picture had to shrink. */
  scale: number;
  /** True when the requested pixel ratio did not fit and the picture was scaled down. */
  reduced: boolean;
}

/**
 * The pixel size of a `width` x `height` picture at `pixelRatio`, scaled down (never failing) so
 * that no side exceeds MAX_CANVAS_SIDE and the area stays within MAX_CANVAS_PIXELS.
 */
export function rasterSize(width: number, height: number, pixelRatio = 2): RasterSize {
  const w = Number.isFinite(width) && width > 0 ? width : 1;
  const h = Number.isFinite(height) && height > 0 ? height : 1;
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  let scale = Math.min(ratio, MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h, Math.sqrt(MAX_CANVAS_PIXELS / (w * h)));
  let pw = Math.max(1, Math.round(w * scale));
  let ph = Math.max(1, Math.round(h * scale));
  // Rounding up may cross a limit by a pixel: shave it off.
  while (pw > MAX_CANVAS_SIDE || ph > MAX_CANVAS_SIDE || pw * ph > MAX_CANVAS_PIXELS) {
    scale *= 0.999;
    pw = Math.max(1, Math.floor(w * scale));
    ph = Math.max(1, Math.floor(h * scale));
  }
  return { width: pw, height: ph, scale, reduced: scale < ratio };
}
