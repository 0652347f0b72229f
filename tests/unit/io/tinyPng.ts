import { deflateSync } from 'node:zlib';
import encodeChunks from 'png-chunks-encode';

/** A real (tiny) PNG: 2x2 RGB pixels. */
export function tinyPng(): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 2);
  view.setUint32(4, 2);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 255, 255, 255]);
  return encodeChunks([
    { name: 'IHDR', data: ihdr },
    { name: 'IDAT', data: new Uint8Array(deflateSync(raw)) },
    { name: 'IEND', data: new Uint8Array(0) },
  ]);
}

