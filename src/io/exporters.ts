/**
 * The export code, loaded on first use (dynamic import from the export commands) so the first
 * paint does not pay for it. PNG: the diagram is drawn as SVG from the model (toSvg), loaded into
 * an Image at the output size and drawn onto a canvas, which encodes the PNG. That covers every
 * node and edge whatever the view shows, carries no UI chrome, needs no network, and takes tens of
 * milliseconds for 100 nodes where a DOM capture (html-to-image) takes seconds (README, "Export").
 */
import { runChecks } from '../domain/checker/runChecks';
import type { Diagram } from '../domain/diagram';
import { toMarkdown, type InterviewRubric } from '../domain/export/markdown';
import { toMermaid } from '../domain/export/mermaid';
import { rasterSize } from '../domain/export/raster';
import { toSvg } from '../domain/export/svg';
import { toDrawio, toExcalidraw } from '../domain/export/interchange';
import { iconMarkup } from '../ui/icons';
import { embedInPng, svgWithPayload } from './embed';
import { encodeDiagramPayload } from './shareLink';

/** A failure whose message is meant for the user. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** How a picture is drawn. */
export interface ImageOptions {
  /** The dark palette (dark mode). */
  dark?: boolean;
  /** No background: a PNG with an alpha channel, an SVG without its background rectangle. */
  transparent?: boolean;
  /** Output pixels per diagram unit of a PNG; default 2. */
  pixelRatio?: number;
  /** Space around the diagram in diagram units; default 32. */
  padding?: number;
}

/** A rendered PNG and its size. */
export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
  /** The pixel ratio used: below the requested one when the diagram was too large. */
  scale: number;
  reduced: boolean;
}

export const DEFAULT_PADDING = 32;
export const DEFAULT_PIXEL_RATIO = 2;

/** Inner SVG markup of the 24x24 lucide icon the canvas shows for a catalogue icon id. */
export function iconSvg(iconId: string): string | undefined {
  return iconMarkup(iconId) || undefined;
}

/** The diagram as a standalone SVG (toSvg with the canvas's icons). */
export function diagramSvg(d: Diagram, opts: ImageOptions = {}): { svg: string; width: number; height: number } {
  return toSvg(d, {
    dark: !!opts.dark,
    padding: opts.padding ?? DEFAULT_PADDING,
    iconSvg,
    ...(opts.transparent ? { background: null } : {}),
  });
}

/** An SVG file of the diagram, with the diagram itself in its metadata (opening the SVG again gives the design back). */
export async function svgBlob(d: Diagram, opts: ImageOptions = {}): Promise<Blob> {
  const svg = svgWithPayload(diagramSvg(d, opts).svg, await encodeDiagramPayload(d));
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`], { type: 'image/svg+xml' });
}

/** The SVG with its root width and height set to the output pixel size (so the browser rasterises it sharp, not scaled up). */
export function sizedSvg(svg: string, width: number, height: number): string {
  const root = /^<svg\b[^>]*>/.exec(svg);
  if (!root || !/\swidth="[^"]*"/.test(root[0]) || !/\sheight="[^"]*"/.test(root[0])) throw new ExportError('The drawn diagram has no size.');
  const tag = root[0]
    .replace(/\swidth="[^"]*"/, ` width="${width}"`)
    .replace(/\sheight="[^"]*"/, ` height="${height}" preserveAspectRatio="none"`);
  return tag + svg.slice(root[0].length);
}

function loadImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new ExportError('The browser could not read the drawn diagram as an image.'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

const px = (n: number) => n.toLocaleString('en-US');

/**
 * The whole diagram as a PNG at 2x (every node and edge, padded, white or transparent or dark),
 * scaled down when it would exceed the canvas limits. `step` hears each stage, for progress.
 */
export async function renderPng(d: Diagram, opts: ImageOptions = {}, step: (text: string) => void = () => {}): Promise<PngResult> {
  step('Drawing the diagram…');
  const { svg, width, height } = diagramSvg(d, opts);
  const size = rasterSize(width, height, opts.pixelRatio ?? DEFAULT_PIXEL_RATIO);
  const dims = `${px(size.width)} × ${px(size.height)} px`;
  step(`Rendering ${dims}…`);
  const img = await loadImage(sizedSvg(svg, size.width, size.height));
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  try {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ExportError(`The browser could not make a ${dims} canvas (out of memory?). Export SVG has no size limit.`);
    ctx.drawImage(img, 0, 0, size.width, size.height);
    step(`Encoding the ${dims} PNG…`);
    const payload = encodeDiagramPayload(d);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new ExportError(`The browser could not encode the ${dims} PNG (out of memory?). Export SVG has no size limit.`);
    // The diagram rides along in a text chunk, so opening the PNG again gives the design back.
    const png = embedInPng(new Uint8Array(await blob.arrayBuffer()), await payload);
    return { blob: new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), width: size.width, height: size.height, scale: size.scale, reduced: size.reduced };
  } finally {
    // Free the pixels now rather than when the canvas is collected (matters for 16-megapixel exports).
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** The diagram as an Excalidraw file. */
export function excalidrawText(d: Diagram): string {
  return toExcalidraw(d);
}

/** The diagram as a draw.io file. */
export function drawioText(d: Diagram): string {
  return toDrawio(d);
}

/** The Mermaid flowchart of the diagram. */
export function mermaidText(d: Diagram): string {
  return toMermaid(d);
}

/** The Markdown write-up of the diagram with the checker's current findings. */
export function markdownText(d: Diagram, rubric?: InterviewRubric): string {
  const { findings, suppressed } = runChecks(d);
  return toMarkdown(d, findings, { suppressed, ...(rubric ? { rubric } : {}) });
}
