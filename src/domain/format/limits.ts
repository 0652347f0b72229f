
/**
 * The format's limits (domain.md section 7): what the parser refuses, and what every store action
 * stays within, so that whatever the editor reaches is a file the app opens again.
 */

/** Largest file the app opens, in UTF-8 bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most nodes a diagram may have. */
export const MAX_NODES = 20_000;
/** Most edges a diagram may have (revision 2). */
export const MAX_EDGES = 100_000;
/** Largest absolute value of a node coordinate. */
export const MAX_COORD = 1_000_000;

/** A coordinate brought within ±MAX_COORD (a non-finite one becomes 0). */
export function clampCoord(v: number): number {
  if (!Number.isFinite(v)) return 0;
  const c = v > MAX_COORD ? MAX_COORD : v < -MAX_COORD ? -MAX_COORD : v;
  return c === 0 ? 0 : c;
}

/** The file size limit as people read it: "20 MB". */
export const MAX_FILE_SIZE_TEXT = `${MAX_FILE_BYTES / (1024 * 1024)} MB`;

/** True when every node coordinate of the list is finite and within ±MAX_COORD. */
export function coordinatesWithin(nodes: readonly { position: { x: number; y: number } }[]): boolean {
  for (const n of nodes) {
    const { x, y } = n.position;
    if (!(x <= MAX_COORD && x >= -MAX_COORD && y <= MAX_COORD && y >= -MAX_COORD)) return false;
  }
  return true;
}
