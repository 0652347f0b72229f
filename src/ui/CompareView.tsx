import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { Columns2, Layers, Link2, Link2Off, Maximize } from 'lucide-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { kindInfo, type KindId } from '../domain/catalogue';
import {
  addFromReference,
  addSentence,
  ghostLinks,
  cardFill,
  compareContext,
  describeReference,
  describeYours,
  missingLinks,
  representative,
  type CompareContext,
  type MissingLink,
} from '../domain/compareMatch';
import { boxesBounds, nodeLabel, nodesBounds, type Diagram } from '../domain/diagram';
import { CompareLayer, InViewport } from '../canvas/CompareLayer';
import type { FlowEdge, FlowNode } from '../canvas/flowTypes';
import { ReferenceCanvas } from '../canvas/ReferenceCanvas';
import { useCanvasHover } from '../canvas/useCanvasHover';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import ComparePanel, { type CompareActions, type CompareHover } from './ComparePanel';
import './compareView.css';

/** How the comparison shows the two designs. */
export type CompareMode = 'side' | 'overlay';

const FIT = { padding: 0.12, maxZoom: 1, duration: 250 };
const EMPTY: readonly string[] = [];

/** What the hover highlights on each side, and the sentence that explains it. */
interface Highlight {
  yours: readonly string[];
  /** Your nodes a hovered missing component would connect to. */
  linked: readonly string[];
  reference: ReadonlySet<string>;
  caption: string;
}

const NONE: Highlight = { yours: EMPTY, linked: EMPTY, reference: new Set(), caption: '' };

function highlightOf(h: CompareHover | null, c: CompareContext): Highlight {
  if (!h) return NONE;
  const { diagram: yours, reference, match } = c;
  if (h.side === 'yours') {
    const m = match.yours.get(h.id);
    if (!m) return NONE;
    return { yours: [h.id], linked: EMPTY, reference: new Set(m.reference), caption: describeYours(yours, reference, match, h.id) };
  }
  if (h.side === 'reference') {
    const m = match.reference.get(h.id);
    if (!m) return NONE;
    const linked = m.status === 'missing' ? connectsTo(c, h.id) : EMPTY;
    return { yours: m.status === 'missing' ? EMPTY : m.yours, linked, reference: new Set([h.id]), caption: describeReference(yours, reference, match, h.id, c.plan) };
  }
  if (h.side === 'missing-kind') {
    const ids = reference.nodes.filter((n) => match.reference.get(n.id)?.missing.includes(h.kind)).map((n) => n.id);
    const rep = representative(reference, match, h.kind);
    const label = rep ? nodeLabel(reference.nodes.find((n) => n.id === rep)!) : kindInfo(h.kind).label;
    return {
      yours: EMPTY,
      linked: rep ? connectsTo(c, rep) : EMPTY,
      reference: new Set(ids),
      caption: `Your design has no ${kindInfo(h.kind).label}: the reference has “${label}”.${rep ? ` ${addSentence(reference, c.plan, rep).replace('Add it with one click', 'Click to add it')}` : ''}`,
    };
  }
  const kind = h.kind;
  const ids = yours.nodes.filter((n) => match.yours.get(n.id)?.status === 'extra' && n.kind === kind).map((n) => n.id);
  return { yours: ids, linked: EMPTY, reference: new Set(), caption: `The reference does without a ${kindInfo(kind).label}.` };
}

/** Your nodes a missing reference component would be connected to when added. */
const connectsTo = (c: CompareContext, ghostId: string): string[] => ghostLinks(c.plan, ghostId).yours;

/** Below this width the two canvases always stack. */
const STACK_BELOW = 1100;
const PANEL_WIDTH = 400;
const PANE_HEAD = 38;

/**
 * Whether the two canvases sit side by side or one above the other: whichever shows the reference larger
 * at fit view in the room the workspace has (a wide design reads better in two wide panes); always
 * stacked below STACK_BELOW px. Measured from the workspace, again when the window is resized.
 */
function useArrangement(reference: Diagram, probe: RefObject<HTMLElement | null>): 'side' | 'stack' {
  const [arrange, setArrange] = useState<'side' | 'stack'>('stack');
  useEffect(() => {
    const workspace = probe.current?.closest('.workspace');
    if (!workspace) return;
    const b = reference.nodes.length ? nodesBounds(reference.nodes) : { x: 0, y: 0, width: 400, height: 300 };
    const fit = (w: number, h: number) => Math.min(1, w / (b.width * 1.24), h / (b.height * 1.24));
    const decide = () => {
      const { width, height } = workspace.getBoundingClientRect();
      if (window.innerWidth < STACK_BELOW) return setArrange('stack');
      const w = width - PANEL_WIDTH;
      setArrange(fit(w, height / 2 - PANE_HEAD) >= fit(w / 2, height - PANE_HEAD) ? 'stack' : 'side');
    };
    decide();
    const ro = new ResizeObserver(decide);
    ro.observe(workspace);
    return () => ro.disconnect();
  }, [reference, probe]);
  return arrange;
}

/**
 * The comparison with a reference answer (loaded on first use): your design and the reference side by
 * side as two canvases (the reference read-only), or the reference's missing components as ghosts on
 * your own canvas; hovering a component highlights what matches it on both sides; one click adds what is
 * missing (one undo step); beside them the score, stage by stage.
 */
export default function CompareView() {
  const store = useDiagramStoreApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const live = useDiagramStore((s) => s.diagram);
  const diagram = useDeferredValue(live);
  const target = useDiagramStore((s) => s.comparison!);
  const theme = useDiagramStore((s) => s.prefs.theme);
  const [mode, setMode] = useState<CompareMode>('side');
  const [hover, setHover] = useState<CompareHover | null>(null);
  const [linked, setLinked] = useState(false);
  const rootRef = useRef<HTMLParagraphElement>(null);
  const arrange = useArrangement(target.reference, rootRef);
  const ctx = useMemo(() => compareContext(diagram, target.reference), [diagram, target.reference]);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const links = useMemo(() => missingLinks(ctx.diagram, ctx.reference, ctx.comparison), [ctx]);
  const highlight = useMemo(() => highlightOf(hover, ctx), [hover, ctx]);

  // The hover of your canvas: a leave from there clears only what your canvas set.
  const onYourHover = useCallback((id: string | null) => setHover((h) => (id ? { side: 'yours', id } : h?.side === 'yours' ? null : h)), []);
  useCanvasHover(onYourHover);
  const onReferenceHover = useCallback((id: string | null) => setHover((h) => (id ? { side: 'reference', id } : h?.side === 'reference' ? null : h)), []);
  const onPanelHover = useCallback((h: CompareHover | null) => setHover(h), []);

  // Your canvas changes size with the layout: fit it again, ghosts included in overlay mode.
  const fitYours = useCallback(() => {
    const c = ctxRef.current;
    const boxes = c.diagram.nodes.length ? [nodesBounds(c.diagram.nodes)] : [];
    if (mode === 'overlay') boxes.push(...c.plan.ghosts.map((g) => g.box));
    if (!boxes.length) return;
    const b = boxesBounds(boxes);
    void flow.fitBounds(b, { padding: FIT.padding, duration: FIT.duration });
    // The arrangement changes the canvas's size: fit again then.
  }, [flow, mode, arrange]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // Two frames: the grid has changed the canvas's size and React Flow has measured it.
    let f2 = 0;
    const f1 = requestAnimationFrame(() => (f2 = requestAnimationFrame(fitYours)));
    return () => {
      cancelAnimationFrame(f1);
      cancelAnimationFrame(f2);
    };
  }, [fitYours]);
  useEffect(
    () => () => {
      // Closing gives the canvas its room back: fit the design to it.
      requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 })));
    },
    [flow],
  );

  // Linked zoom: each canvas follows the other's zoom level (each keeps its own centre).
  const yourZoom = useFlowStore((s) => s.transform[2]);
  const onReferenceZoom = useCallback(
    (z: number) => {
      if (linked && Math.abs(flow.getZoom() - z) > 0.001) void flow.zoomTo(z);
    },
    [linked, flow],
  );

  const actions = useMemo<CompareActions>(() => {
    const s = () => store.getState();
    const add = (ids: readonly string[]) => {
      const reference = target.reference;
      const before = s().diagram;
      const r = s().addComponents((d, fresh) => addFromReference(d, reference, ids, fresh, ctxRef.current));
      // A refusal is shown by the store.
      if (!r.ok) return;
      const after = s().diagram;
      const names = r.value.map((id) => `“${nodeLabel(after.nodes.find((n) => n.id === id)!)}”`);
      const edges = after.edges.length - before.edges.length;
      const what = names.length > 3 ? `${names.length} components` : names.join(', ');
      const wired = edges
        ? ` with ${edges} connection${edges === 1 ? '' : 's'}`
        : ids.length === 1
          ? ': it connects to nothing you have yet (its neighbours in the reference are missing too)'
          : '';
      s().notify('success', `Added ${what} from the reference${wired}. Undo (Ctrl+Z) takes it back.`);
      setHover(null);
    };
    return {
      add,
      addKind(kind: KindId) {
        const rep = representative(target.reference, ctxRef.current.match, kind);
        if (rep) add([rep]);
      },
      fill(kind: 'requirements' | 'ml-objective') {
        const f = cardFill(s().diagram, target.reference, kind);
        if (!f) return;
        s().updateNode(f.id, { props: f.props });
        const n = Object.keys(f.props).length;
        s().notify('success', `Filled ${n} field${n === 1 ? '' : 's'} of your ${kindInfo(kind).label} card from the reference. Undo (Ctrl+Z) takes it back.`);
      },
      link(l: MissingLink) {
        const r = s().connect(l.source, l.target, l.kind);
        if (!r.ok) s().notify('error', r.error);
        else s().notify('success', `Connected ${kindInfo(l.from).label} to ${kindInfo(l.to).label}, as the reference does.`);
      },
    };
  }, [store, target.reference]);

  const ghosts = mode === 'overlay' ? ctx.plan.ghosts : [];
  const ghostEdges = mode === 'overlay' ? ctx.plan.edges : [];
  const hoveredGhost = hover?.side === 'reference' && mode === 'overlay' ? hover.id : null;
  const missingCount = ctx.plan.ghosts.length;

  return (
    <div className="compare-view" data-mode={mode} data-arrange={arrange}>
      <div className="cmp-pane-head cmp-pane-yours">
        <h2>Your design</h2>
        {mode === 'overlay' && (
          <span className="cmp-pane-note">
            {missingCount ? `${missingCount} missing component${missingCount === 1 ? '' : 's'} shown as ghosts: click one to add it` : 'Nothing missing'}
          </span>
        )}
        <button type="button" className="icon-btn cmp-pane-btn" aria-label="Fit your design" title="Fit your design" onClick={fitYours}>
          <Maximize size={15} aria-hidden />
        </button>
      </div>
      {mode === 'side' && (
        <section className="cmp-ref-pane" aria-label="Reference answer">
          <div className="cmp-pane-head">
            <h2>
              Reference: <span>{target.reference.title}</span>
            </h2>
            <span className="cmp-pane-note">read-only</span>
            <button
              type="button"
              className="icon-btn cmp-pane-btn"
              aria-pressed={linked}
              aria-label="Link the zoom of both canvases"
              title={linked ? 'Zoom linked: both canvases zoom together' : 'Link the zoom of both canvases'}
              onClick={() => setLinked(!linked)}
            >
              {linked ? <Link2 size={15} aria-hidden /> : <Link2Off size={15} aria-hidden />}
            </button>
          </div>
          <div className="cmp-ref-canvas">
            <ReferenceCanvas
              reference={target.reference}
              match={ctx.match}
              highlighted={highlight.reference}
              colorMode={theme}
              onHover={onReferenceHover}
              onAdd={(id) => actions.add([id])}
              zoom={linked ? yourZoom : null}
              onZoom={onReferenceZoom}
              fitKey={arrange}
            />
          </div>
        </section>
      )}
      <p ref={rootRef} className={`cmp-caption${highlight.caption ? ' is-shown' : ''}`} role="status" aria-live="polite">
        {highlight.caption}
      </p>
      <InViewport>
        <CompareLayer
          ghosts={ghosts}
          edges={ghostEdges}
          matched={highlight.yours}
          linked={highlight.linked}
          hoveredGhost={hoveredGhost}
          onAdd={(id) => actions.add([id])}
          onHover={onReferenceHover}
        />
      </InViewport>
      <ComparePanel
        ctx={ctx}
        links={links}
        mode={mode}
        modeSwitch={
          <div className="cmp-mode" role="group" aria-label="How to show the reference">
            <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
              <Columns2 size={14} aria-hidden /> Side by side
            </button>
            <button type="button" aria-pressed={mode === 'overlay'} onClick={() => setMode('overlay')}>
              <Layers size={14} aria-hidden /> Overlay
            </button>
          </div>
        }
        actions={actions}
        onHover={onPanelHover}
      />
    </div>
  );
}
