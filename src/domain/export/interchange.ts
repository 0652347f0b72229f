import { EDGE_KINDS, absolutePosition, nodeLabel, nodeSize, nodeStage, type Diagram, type DiagramNode, type EdgeKind } from '../diagram';
import { stageById } from '../stages';
import { cleanText, nodeDetail } from './text';

/**
 * The design for whiteboards, so that it can continue there: an Excalidraw file (`.excalidraw`)
 * and a draw.io file (`.drawio`). Components are labelled boxes in their stage colours (the tool
 * on a second line), connections arrows bound to them in their kind's colour and line, zones
 * frames (Excalidraw) or containers (draw.io), notes free text. Each element also carries what our
 * importers need to bring the design back as it was (kind, label, props): Excalidraw keeps it in
 * `customData`, draw.io in the attributes of an `<object>` around the cell.
 */

export const EXCALIDRAW_EXTENSION = '.excalidraw';
export const DRAWIO_EXTENSION = '.drawio';

/** Line colour and style of each connection kind (the canvas legend's colours). */
const EDGE_STYLE: Record<EdgeKind, { color: string; dash?: 'dashed' | 'dotted'; width: number }> = {
  data: { color: '#64748b', width: 2 },
  stream: { color: '#0369a1', dash: 'dashed', width: 2 },
  request: { color: '#1e293b', width: 3 },
  model: { color: '#7c3aed', width: 2 },
  feedback: { color: '#b45309', dash: 'dotted', width: 2 },
  control: { color: '#94a3b8', dash: 'dashed', width: 1 },
};
const NO_STAGE = '#94a3b8';

/** A hex colour mixed with white: `amount` 0 is white, 1 the colour. */
function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  return `#${((1 << 24) | (mix((n >> 16) & 255) << 16) | (mix((n >> 8) & 255) << 8) | mix(n & 255)).toString(16).slice(1)}`;
}

const stageColour = (n: DiagramNode) => {
  const s = nodeStage(n);
  return s ? stageById(s).color.toLowerCase() : NO_STAGE;
};

/** A box's text: its name, and its tool (or card summary) on the line below. */
function boxText(n: DiagramNode): string {
  const label = cleanText(nodeLabel(n)).replace(/\s+/g, ' ').trim();
  const detail = nodeDetail(n);
  return detail ? `${label}\n${detail}` : label;
}

/** A stable number from a string (Excalidraw's seeds and nonces). */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % 2_000_000_000 || 1;
}

/** What our importers read back: the kind, the label as stored, and the props. */
function ownData(n: DiagramNode): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: n.kind };
  if (n.label !== undefined) out.label = n.label;
  if (Object.keys(n.props).length) out.props = n.props;
  return out;
}

interface Placed {
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The innermost zone around it. */
  zone?: string;
}

function place(d: Diagram): Map<string, Placed> {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Placed>();
  for (const n of d.nodes) {
    const { x, y } = absolutePosition(n, byId);
    const parent = n.parent && byId.get(n.parent)?.kind === 'group' ? n.parent : undefined;
    out.set(n.id, { node: n, x, y, ...nodeSize(n), ...(parent ? { zone: parent } : {}) });
  }
  return out;
}

// ------------------------------------------------------------------ Excalidraw

const FONT = 2; // Helvetica: Excalidraw's plain font
const FONT_SIZE = 16;

function base(id: string, type: string, x: number, y: number, width: number, height: number): Record<string, unknown> {
  return {
    id,
    type,
    x: Math.round(x * 100) / 100,
    y: Math.round(y * 100) / 100,
    width: Math.round(width * 100) / 100,
    height: Math.round(height * 100) / 100,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 0,
    opacity: 100,
    groupIds: [],
    frameId: null,
    roundness: null,
    seed: hash(id),
    version: 1,
    versionNonce: hash(`${id}:nonce`),
    isDeleted: false,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
  };
}

function textElement(id: string, text: string, x: number, y: number, width: number, container: string | null, align: 'left' | 'center'): Record<string, unknown> {
  const lines = text.split('\n');
  const height = lines.length * FONT_SIZE * 1.25;
  const w = Math.min(width, Math.max(...lines.map((l) => l.length)) * FONT_SIZE * 0.56 + 4);
  return {
    ...base(id, 'text', container ? x + (width - w) / 2 : x, y - height / 2, w, height),
    strokeColor: '#0f172a',
    text,
    originalText: text,
    fontSize: FONT_SIZE,
    fontFamily: FONT,
    textAlign: align,
    verticalAlign: container ? 'middle' : 'top',
    containerId: container,
    autoResize: true,
    lineHeight: 1.25,
  };
}

/** Text broken into lines of at most `chars` characters at spaces (a longer word keeps its own line). */
function wrapWords(text: string, chars: number): string {
  return text
    .split('\n')
    .map((para) => {
      const lines: string[] = [];
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > chars) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/** The design as an Excalidraw file (JSON text). */
export function toExcalidraw(d: Diagram): string {
  const at = place(d);
  const elements: Record<string, unknown>[] = [];
  const frameId = (zone: string | undefined) => (zone ? `zone-${zone}` : null);
  const bound = new Map<string, { id: string; type: string }[]>();
  const bind = (id: string, el: { id: string; type: string }) => (bound.get(id) ?? bound.set(id, []).get(id)!).push(el);

  // Frames first (Excalidraw draws a frame's children clipped to it), outer ones before inner ones.
  for (const p of at.values()) {
    if (p.node.kind !== 'group') continue;
    const frame = base(`zone-${p.node.id}`, 'frame', p.x, p.y, p.width, p.height);
    elements.push({ ...frame, name: cleanText(nodeLabel(p.node)).replace(/\s+/g, ' ').trim(), frameId: null, customData: { mlsdCanvas: ownData(p.node) } });
  }
  for (const p of at.values()) {
    const n = p.node;
    if (n.kind === 'group') continue;
    if (n.kind === 'note') {
      const text = cleanText(typeof n.props.text === 'string' && n.props.text.trim() ? n.props.text : nodeLabel(n)).trim();
      // Wrapped to a note's width (Excalidraw keeps the unwrapped text as originalText).
      const width = Math.max(240, p.width);
      const wrapped = wrapWords(text, Math.floor(width / (FONT_SIZE * 0.56)));
      const note = textElement(`note-${n.id}`, wrapped, p.x, p.y, width, null, 'left');
      elements.push({ ...note, y: p.y, width, originalText: text, autoResize: false, strokeColor: '#713f12', frameId: frameId(p.zone) });
      continue;
    }
    const colour = stageColour(n);
    const id = `node-${n.id}`;
    elements.push({
      ...base(id, 'rectangle', p.x, p.y, p.width, p.height),
      strokeColor: colour,
      backgroundColor: tint(colour, 0.18),
      roundness: { type: 3 },
      frameId: frameId(p.zone),
      customData: { mlsdCanvas: ownData(n) },
    });
    const text = textElement(`${id}-text`, boxText(n), p.x, p.y + p.height / 2, p.width, id, 'center');
    elements.push({ ...text, frameId: frameId(p.zone) });
    bind(id, { id: `${id}-text`, type: 'text' });
  }
  for (const e of d.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const kind: EdgeKind = (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'data';
    const style = EDGE_STYLE[kind];
    const [x0, y0, x1, y1] = [s.x + s.width, s.y + s.height / 2, t.x, t.y + t.height / 2];
    const id = `edge-${e.id}`;
    const arrow: Record<string, unknown> = {
      ...base(id, 'arrow', x0, y0, Math.abs(x1 - x0), Math.abs(y1 - y0)),
      strokeColor: style.color,
      strokeWidth: style.width,
      strokeStyle: style.dash ?? 'solid',
      roundness: { type: 2 },
      points: [
        [0, 0],
        [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100],
      ],
      lastCommittedPoint: null,
      startBinding: { elementId: `node-${e.source}`, focus: 0, gap: 1 },
      endBinding: { elementId: `node-${e.target}`, focus: 0, gap: 1 },
      startArrowhead: null,
      endArrowhead: 'arrow',
      elbowed: false,
      customData: { mlsdCanvas: { kind } },
    };
    const label = typeof e.label === 'string' ? cleanText(e.label).replace(/\s+/g, ' ').trim() : '';
    elements.push(arrow);
    if (label) {
      elements.push(textElement(`${id}-text`, label, (x0 + x1) / 2 - 80, (y0 + y1) / 2, 160, id, 'center'));
      arrow.boundElements = [{ id: `${id}-text`, type: 'text' }];
    }
    if (s.node.kind !== 'note' && s.node.kind !== 'group') bind(`node-${e.source}`, { id, type: 'arrow' });
    if (t.node.kind !== 'note' && t.node.kind !== 'group') bind(`node-${e.target}`, { id, type: 'arrow' });
  }
  for (const el of elements) {
    const b = bound.get(el.id as string);
    if (b) el.boundElements = b;
  }
  const file = {
    type: 'excalidraw',
    version: 2,
    source: 'mlsd-canvas',
    elements,
    appState: { viewBackgroundColor: '#ffffff', gridSize: 20 },
    files: {},
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ------------------------------------------------------------------ draw.io

/** Text for a double-quoted XML attribute: invalid characters removed, markup and line breaks escaped. */
function attr(text: string): string {
  return cleanText(text).replace(/[&<>"\n]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#xa;' })[c]!);
}

const r2 = (v: number) => String(Math.round(v * 100) / 100);

/** The design as a draw.io file (uncompressed XML, one page). */
export function toDrawio(d: Diagram): string {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const cellId = (n: DiagramNode) => `mlsd-${n.id}`;
  const parentOf = (n: DiagramNode) => (n.parent && byId.get(n.parent)?.kind === 'group' ? cellId(byId.get(n.parent)!) : '1');
  const title = cleanText(d.title ?? '').replace(/\s+/g, ' ').trim() || 'Design';
  const out: string[] = [];
  out.push('<mxfile host="mlsd-canvas" type="device">');
  out.push(`  <diagram id="mlsd-canvas" name="${attr(title)}">`);
  out.push('    <mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">');
  out.push('      <root>', '        <mxCell id="0" />', '        <mxCell id="1" parent="0" />');
  const own = (n: DiagramNode) => {
    const parts = [`mlsdKind="${attr(n.kind)}"`];
    if (n.label !== undefined) parts.push(`mlsdLabel="${attr(n.label)}"`);
    if (Object.keys(n.props).length) parts.push(`mlsdProps="${attr(JSON.stringify(n.props))}"`);
    return parts.join(' ');
  };
  const geometry = (n: DiagramNode) => {
    const { width, height } = nodeSize(n);
    return `<mxGeometry x="${r2(n.position.x)}" y="${r2(n.position.y)}" width="${r2(width)}" height="${r2(height)}" as="geometry" />`;
  };
  // Zones come before their children in the file (the parser keeps that order), as draw.io needs.
  for (const n of d.nodes) {
    if (n.kind === 'group') {
      const zone = n.props.zone;
      const [fill, stroke] = zone === 'online' ? ['#ecfdf5', '#10b981'] : zone === 'offline' ? ['#eef2f7', '#7b9cc4'] : ['#f8fafc', '#a8b3c2'];
      const style = `swimlane;container=1;collapsible=0;rounded=1;arcSize=4;startSize=30;html=0;fontStyle=1;fillColor=${fill};swimlaneFillColor=${fill};strokeColor=${stroke};dashed=1;`;
      out.push(
        `        <object id="${attr(cellId(n))}" label="${attr(nodeLabel(n))}" ${own(n)}>`,
        `          <mxCell style="${style}" vertex="1" parent="${attr(parentOf(n))}">${geometry(n)}</mxCell>`,
        '        </object>',
      );
    } else if (n.kind === 'note') {
      const text = typeof n.props.text === 'string' && n.props.text.trim() ? n.props.text : nodeLabel(n);
      const style = 'text;whiteSpace=wrap;html=0;align=left;verticalAlign=top;spacing=8;fillColor=#fef9c3;strokeColor=#f0e08a;fontColor=#422006;';
      out.push(`        <mxCell id="${attr(cellId(n))}" value="${attr(text)}" style="${style}" vertex="1" parent="${attr(parentOf(n))}">${geometry(n)}</mxCell>`);
    } else {
      const colour = stageColour(n);
      const style = `rounded=1;arcSize=14;whiteSpace=wrap;html=0;fillColor=${tint(colour, 0.18)};strokeColor=${colour};strokeWidth=2;fontColor=#0f172a;`;
      out.push(
        `        <object id="${attr(cellId(n))}" label="${attr(boxText(n))}" ${own(n)}>`,
        `          <mxCell style="${style}" vertex="1" parent="${attr(parentOf(n))}">${geometry(n)}</mxCell>`,
        '        </object>',
      );
    }
  }
  for (const e of d.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const kind: EdgeKind = (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'data';
    const line = EDGE_STYLE[kind];
    const dash = line.dash === 'dashed' ? 'dashed=1;' : line.dash === 'dotted' ? 'dashed=1;dashPattern=1 4;' : '';
    const style = `edgeStyle=orthogonalEdgeStyle;rounded=1;html=0;endArrow=block;endFill=1;strokeColor=${line.color};strokeWidth=${line.width};${dash}`;
    const label = typeof e.label === 'string' ? cleanText(e.label).replace(/\s+/g, ' ').trim() : '';
    out.push(
      `        <object id="${attr(`mlsd-edge-${e.id}`)}" label="${attr(label)}" mlsdKind="${kind}">`,
      `          <mxCell style="${style}" edge="1" parent="1" source="${attr(cellId(s))}" target="${attr(cellId(t))}"><mxGeometry relative="1" as="geometry" /></mxCell>`,
      '        </object>',
    );
  }
  out.push('      </root>', '    </mxGraphModel>', '  </diagram>', '</mxfile>');
  return `${out.join('\n')}\n`;
}
