/**
 * How a routed edge is drawn: its corner points between the handles, an SVG path with rounded corners,
 * where its label sits. Small and kept apart from the search (edgeRoutes.ts), which loads after the
 * first paint; the canvas's edges draw with this.
 */

export interface RouteBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RouteXY {
  x: number;
  y: number;
}

/**
 * A detour, in absolute coordinates: leave the source horizontally to x1, run vertically to the
 * channel y, horizontally to x2, vertically to the target's height, and in. A two-bend detour (a "Z")
 * has y null and x1 = x2. from / to are the handle points it was planned for.
 */
export interface EdgeRoute {
  from: RouteXY;
  to: RouteXY;
  x1: number;
  y: number | null;
  x2: number;
}

/** The corner points of a detour drawn between the given handle points (start and end included). */
export function routePoints(r: EdgeRoute, from: RouteXY = r.from, to: RouteXY = r.to): RouteXY[] {
  if (r.y === null) {
    return [from, { x: r.x1, y: from.y }, { x: r.x1, y: to.y }, to];
  }
  return [from, { x: r.x1, y: from.y }, { x: r.x1, y: r.y }, { x: r.x2, y: r.y }, { x: r.x2, y: to.y }, to];
}

/** An SVG path through the points with rounded corners (radius up to 10, less on short runs). */
export function roundedPath(points: readonly RouteXY[], radius = 10, fmt: (v: number) => string = (v) => String(Math.round(v * 100) / 100)): string {
  const pts = points.filter((p, i) => i === 0 || Math.abs(p.x - points[i - 1].x) + Math.abs(p.y - points[i - 1].y) > 0.01);
  if (pts.length === 0) return '';
  let d = `M${fmt(pts[0].x)},${fmt(pts[0].y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i - 1];
    const c = pts[i];
    const n = pts[i + 1];
    const lin = Math.hypot(c.x - p.x, c.y - p.y);
    const lout = Math.hypot(n.x - c.x, n.y - c.y);
    const r = Math.min(radius, lin / 2, lout / 2);
    if (r < 0.5) {
      d += `L${fmt(c.x)},${fmt(c.y)}`;
      continue;
    }
    const ax = c.x + ((p.x - c.x) / lin) * r;
    const ay = c.y + ((p.y - c.y) / lin) * r;
    const bx = c.x + ((n.x - c.x) / lout) * r;
    const by = c.y + ((n.y - c.y) / lout) * r;
    d += `L${fmt(ax)},${fmt(ay)}Q${fmt(c.x)},${fmt(c.y)} ${fmt(bx)},${fmt(by)}`;
  }
  const last = pts[pts.length - 1];
  return d + `L${fmt(last.x)},${fmt(last.y)}`;
}

/** Where a label sits on a detour: the middle of its longest run. */
export function routeLabelPoint(points: readonly RouteXY[]): RouteXY {
  let best = 0;
  let at = points[0] ?? { x: 0, y: 0 };
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    const l = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    if (l > best) {
      best = l;
      at = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    }
  }
  return at;
}

/** Whether two detours are the same (so a caller can keep the one it has). */
export function sameRoute(p: EdgeRoute | undefined, q: EdgeRoute | undefined): boolean {
  if (p === q) return true;
  if (!p || !q) return false;
  return p.x1 === q.x1 && p.x2 === q.x2 && p.y === q.y && p.from.x === q.from.x && p.from.y === q.from.y && p.to.x === q.to.x && p.to.y === q.to.y;
}

/**
 * Whether the segment p-q passes through the inside of box b grown by m on each side (touching its
 * border or running along it does not count). Liang-Barsky clipping.
 */
export function segmentEntersBox(px: number, py: number, qx: number, qy: number, b: RouteBox, m: number): boolean {
  const x0 = b.x - m;
  const y0 = b.y - m;
  const x1 = b.x + b.width + m;
  const y1 = b.y + b.height + m;
  const dx = qx - px;
  const dy = qy - py;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx, px - x0) || !clip(dx, x1 - px) || !clip(-dy, py - y0) || !clip(dy, y1 - py)) return false;
  if (t1 - t0 < 1e-9) return false;
  const tm = (t0 + t1) / 2;
  const mx = px + dx * tm;
  const my = py + dy * tm;
  const e = 1e-6;
  return mx > x0 + e && mx < x1 - e && my > y0 + e && my < y1 - e;
}
