import { createContext } from 'react';

/** Below this zoom a node draws a simpler version of itself (band and label), as map tools do. */
export const SIMPLE_ZOOM = 0.5;

/**
 * Below this zoom a label would be drawn under 4 px high, a smudge nobody reads: a node then draws a bar
 * where its label goes (the label stays its accessible name), and the dot grid, by then a grey haze of
 * dots 6 px apart, is not drawn. Both were most of the raster work of a drag frame at 500 components.
 */
export const TINY_ZOOM = 0.3;

/** How much of itself a node draws at the current zoom. */
export type Detail = 'full' | 'simple' | 'tiny';

export const detailAt = (zoom: number): Detail => (zoom < TINY_ZOOM ? 'tiny' : zoom < SIMPLE_ZOOM ? 'simple' : 'full');

/**
 * The canvas subscribes to the zoom once and provides the detail to every node and edge: one
 * subscription instead of one per node (measured: ~1 MB at 500 nodes). It changes only when the zoom
 * crosses a threshold.
 */
export const DetailContext = createContext<Detail>('full');
