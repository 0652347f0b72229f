import { ArrowRight, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ArrangeButtons } from './ArrangeButtons';
import { kindInfo, type KindId } from '../domain/catalogue';
import { KIND_TOOLS } from '../domain/kindTools';
import {
  EDGE_KINDS,
  EDGE_KIND_INFO,
  LABEL_SOURCES,
  ML_TASKS,
  SPLITS,
  PROBLEM_LABELS,
  nodeLabel,
  nodeStage,
  type DiagramEdge,
  type DiagramNode,
  type LabelSource,
  type NodeProps,
} from '../domain/diagram';
import { describeGroup, problemProfile } from '../domain/profiles';
import { actsAs } from '../domain/roles';
import { ACTS_AS_KINDS, isInference, isTrainer, plays } from '../domain/roleRules';
import { LABEL_SOURCE_LABELS, labelSourceIn, SPLIT_LABELS, splitIn, type TermCategory } from '../domain/vocabulary';
import { STAGES, stageById } from '../domain/stages';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { CheckField, NumberField, SelectField, TextField } from './fields';
import { KindMultiSelect } from './KindMultiSelect';
import { TermChips } from './TermChips';
import { kindIconId, SpriteIcon } from './SpriteIcon';
import { LearnCard } from './LearnCard';
import { NodeFindings } from './NodeFindings';
import { preloadable } from './preloadable';

// The sizing fields and their formulas load on first use, out of the first paint's budget.
const ComponentSizing = preloadable(() => import('./SizingFields').then((m) => m.ComponentSizing)).Component;
const RequirementsSizing = preloadable(() => import('./SizingFields').then((m) => m.RequirementsSizing)).Component;

/** The inspector: edits the selected component or connection; shows the diagram when nothing is selected. */
export function Inspector() {
  const { node, edge, count } = useDiagramStore(
    useShallow((s) => {
      const { nodes, edges } = s.selection;
      const count = nodes.length + edges.length;
      return {
        count,
        node: count === 1 && nodes.length === 1 ? s.diagram.nodes.find((n) => n.id === nodes[0]) : undefined,
        edge: count === 1 && edges.length === 1 ? s.diagram.edges.find((e) => e.id === edges[0]) : undefined,
      };
    }),
  );
  return (
    <section className="inspector panel" aria-label="Inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : count > 1 ? (
        <MultiInspector />
      ) : (
        <EmptyInspector />
      )}
    </section>
  );
}

function NodeInspector({ node }: { node: DiagramNode }) {
  const store = useDiagramStoreApi();
  const info = kindInfo(node.kind);
  const stage = nodeStage(node);
  const p = node.props;
  const setProps = (props: Partial<NodeProps>, field: string) =>
    store.getState().updateNode(node.id, { props }, `${node.id}:${field}`);
  const text = (key: keyof NodeProps) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  const num = (key: keyof NodeProps) => (typeof p[key] === 'number' ? (p[key] as number) : undefined);
  const isCard = node.kind === 'requirements' || node.kind === 'ml-objective';

  return (
    <>
      <div className="panel-head inspector-head">
        <SpriteIcon icon={kindIconId(info.id)} size={18} />
        <h2 className="panel-title">{nodeLabel(node)}</h2>
      </div>
      <p className="inspector-kind">
        {info.label}
        {stage && (
          <span className="stage-pill" style={{ borderColor: stageById(stage).color }}>
            <span className="legend-swatch" style={{ background: stageById(stage).color }} aria-hidden />
            {stageById(stage).short}
          </span>
        )}
      </p>
      <NodeFindings id={node.id} />
      <div className="inspector-body">
        {node.kind === 'note' ? (
          <TextField label="Text" multiline value={text('text')} onChange={(v) => setProps({ text: v }, 'text')} />
        ) : (
          <TextField
            label="Label"
            value={node.label ?? ''}
            placeholder={info.label}
            onChange={(v) => store.getState().updateNode(node.id, { label: v }, `${node.id}:label`)}
          />
        )}
        {node.kind === 'group' && (
          <SelectField
            label="Zone"
            value={p.zone ?? ''}
            options={[
              { value: '', label: 'Plain zone' },
              { value: 'offline', label: 'Offline' },
              { value: 'online', label: 'Online' },
            ]}
            onChange={(v) => setProps({ zone: v || undefined }, 'zone')}
          />
        )}
        {node.kind === 'custom' && (
          <SelectField
            label="Stage"
            value={p.stage ?? ''}
            options={[{ value: '', label: 'No stage' }, ...STAGES.map((s) => ({ value: s.id, label: `${s.step}. ${s.name}` }))]}
            onChange={(v) => setProps({ stage: v || undefined }, 'stage')}
          />
        )}
        {node.kind === 'requirements' && (
          <>
            <TextField label="Business goal" value={text('goal')} onChange={(v) => setProps({ goal: v || undefined }, 'goal')} />
            <TextField label="Scale" value={text('scale')} placeholder="e.g. 200M daily users" onChange={(v) => setProps({ scale: v || undefined }, 'scale')} />
            <NumberField label="Peak QPS" value={num('qps')} onChange={(v) => setProps({ qps: v }, 'qps')} />
            <NumberField label="Latency budget" unit="ms" value={num('latencyBudgetMs')} onChange={(v) => setProps({ latencyBudgetMs: v }, 'latencyBudgetMs')} />
            <CheckField label="Real-time (online) design" checked={p.realtime === true} onChange={(v) => setProps({ realtime: v || undefined }, 'realtime')} />
            <RequirementsSizing node={node} setProps={setProps} />
          </>
        )}
        {node.kind === 'ml-objective' && <ObjectiveFields node={node} setProps={setProps} />}
        {node.kind === 'embedding-model' && (
          <CheckField label="Pretrained (used as is, not trained here)" checked={p.pretrained === true} onChange={(v) => setProps({ pretrained: v || undefined }, 'pretrained')} />
        )}
        {node.kind !== 'note' && node.kind !== 'group' && !isCard && (
          <>
            <TextField
              label="Tool"
              value={text('tool')}
              placeholder={KIND_TOOLS[node.kind].length ? `e.g. ${KIND_TOOLS[node.kind][0]}` : 'Any product or library'}
              options={KIND_TOOLS[node.kind]}
              onChange={(v) => setProps({ tool: v || undefined }, 'tool')}
            />
            <NumberField label="Latency" unit="ms" value={num('latencyMs')} onChange={(v) => setProps({ latencyMs: v }, 'latencyMs')} />
            <RoleFields node={node} setProps={setProps} />
            <ComponentSizing node={node} setProps={setProps} />
          </>
        )}
        {node.kind !== 'note' && (
          <TextField
            label="Notes"
            multiline
            value={text('notes')}
            placeholder="Trade-offs and reasoning"
            onChange={(v) => setProps({ notes: v || undefined }, 'notes')}
            hint={notesTerms(node).length > 0 && <TermChips text={text('notes')} categories={notesTerms(node)} />}
          />
        )}
        {node.kind !== 'note' && node.kind !== 'group' && <ConnectTo node={node} />}
        <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteElements([node.id], [])}>
          <Trash2 size={15} aria-hidden /> Delete component
        </button>
        <LearnCard kind={node.kind} />
      </div>
    </>
  );
}

type SetProps = (props: Partial<NodeProps>, field: string) => void;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const SOURCE_WORDS: Record<LabelSource, string> = {
  'user-feedback': 'user feedback',
  'human-annotation': 'human annotation',
  outcome: 'outcome',
  'self-supervised': 'self-supervised',
  none: 'no training',
};
const LABEL_TERMS: readonly TermCategory[] = ['label-source', 'delay'];
const DELAY_TERMS: readonly TermCategory[] = ['delay'];
const LOSS_TERMS: readonly TermCategory[] = ['downsampling', 'calibration', 'exploration'];
const OFFLINE_TERMS: readonly TermCategory[] = ['offline-metric', 'split', 'calibration'];
const ONLINE_TERMS: readonly TermCategory[] = ['online-metric'];
const NOTE_TERMS: readonly TermCategory[] = ['label-source', 'delay', 'split', 'calibration', 'downsampling', 'exploration'];

/** Which recognised terms the checker reads in a component's notes (domain.md section 2): chips show them. */
function notesTerms(node: DiagramNode): readonly TermCategory[] {
  if (node.kind === 'ml-objective') return NOTE_TERMS;
  const out = new Set<TermCategory>();
  if (plays(node, 'offline-eval')) ['offline-metric', 'split', 'calibration'].forEach((c) => out.add(c as TermCategory));
  if (plays(node, 'ab-test')) out.add('online-metric');
  if (plays(node, 'prediction-logging')) out.add('features');
  if (isTrainer(node)) ['delay', 'downsampling', 'calibration', 'exploration'].forEach((c) => out.add(c as TermCategory));
  if (plays(node, 're-ranking')) out.add('exploration');
  if (isInference(node)) out.add('calibration');
  return [...out];
}

/**
 * The ML objective card: its texts, each with the terms the checker recognised in it, and the
 * structured fields (label source, label delay, positive rate, split, calibrated); where a select is
 * unset, it says what the checker reads from the card's texts instead.
 */
function ObjectiveFields({ node, setProps }: { node: DiagramNode; setProps: SetProps }) {
  const p = node.props;
  const readSource = p.labelSource ? undefined : labelSourceIn(str(p.label));
  const readSplit = p.split ? undefined : splitIn([str(p.offlineMetric), str(p.notes)]);
  const text = (key: keyof NodeProps, label: string, placeholder: string, terms: readonly TermCategory[]) => (
    <TextField
      label={label}
      value={str(p[key])}
      placeholder={placeholder}
      onChange={(v) => setProps({ [key]: v || undefined }, String(key))}
      hint={<TermChips text={str(p[key])} categories={terms} />}
    />
  );
  return (
    <>
      <SelectField
        label="Task"
        value={p.task ?? ''}
        options={[{ value: '', label: 'Choose…' }, ...ML_TASKS.map((t) => ({ value: t, label: t[0].toUpperCase() + t.slice(1) }))]}
        onChange={(v) => setProps({ task: v || undefined }, 'task')}
      />
      {text('label', 'Label (what is predicted)', 'e.g. chargeback within 90 days of the payment', LABEL_TERMS)}
      <SelectField
        label="Label source"
        value={p.labelSource ?? ''}
        options={[
          { value: '', label: readSource ? `Not set (the label reads: ${SOURCE_WORDS[readSource]})` : 'Not set' },
          ...LABEL_SOURCES.map((v) => ({ value: v, label: LABEL_SOURCE_LABELS[v] })),
        ]}
        onChange={(v) => setProps({ labelSource: v || undefined }, 'labelSource')}
      />
      {text('labelDelay', 'Label delay', 'e.g. chargebacks mature in 60-90 days', DELAY_TERMS)}
      <NumberField
        label="Positive rate"
        value={typeof p.positiveRate === 'number' ? p.positiveRate : undefined}
        max={1}
        percent
        placeholder="e.g. 0.001 or 0.1%"
        hint="The share of positive examples: below 0.1 the classes count as imbalanced."
        onChange={(v) => setProps({ positiveRate: v }, 'positiveRate')}
      />
      {text('loss', 'Loss', 'e.g. binary cross-entropy', LOSS_TERMS)}
      {text('offlineMetric', 'Offline metric', 'e.g. PR-AUC on an out-of-time split', OFFLINE_TERMS)}
      <SelectField
        label="Split (how evaluation holds data out)"
        value={p.split ?? ''}
        options={[
          { value: '', label: readSplit ? `Not set (the metric reads: ${readSplit} split)` : 'Not set' },
          ...SPLITS.map((v) => ({ value: v, label: SPLIT_LABELS[v] })),
        ]}
        onChange={(v) => setProps({ split: v || undefined }, 'split')}
      />
      <CheckField
        label="Calibrated (scores are used as probabilities)"
        checked={p.calibrated === true}
        onChange={(v) => setProps({ calibrated: v || undefined }, 'calibrated')}
      />
      {text('onlineMetric', 'Online metric', 'e.g. conversion; guardrails: p99 latency, complaints', ONLINE_TERMS)}
    </>
  );
}

/**
 * What a component does beyond its kind: the other kinds it acts as, whether it awaits its calls in
 * parallel (only with outgoing requests), its fallback (inference), and whether a prediction log
 * keeps the served features.
 */
function RoleFields({ node, setProps }: { node: DiagramNode; setProps: SetProps }) {
  const calls = useDiagramStore((s) => s.diagram.edges.some((e) => e.source === node.id && e.kind === 'request'));
  const p = node.props;
  const options = kindOptions(node.kind);
  return (
    <>
      <KindMultiSelect
        label="Also acts as…"
        value={actsAs(node)}
        options={options}
        hint={node.kind === 'custom' ? 'The roles this component plays: the check and the comparison count it as these.' : undefined}
        onChange={(kinds) => setProps({ actsAs: kinds.length ? kinds : undefined }, 'actsAs')}
      />
      {calls && (
        <CheckField
          label="Calls in parallel (awaits its requests together: the slowest counts, not the sum)"
          checked={p.parallel === true}
          onChange={(v) => setProps({ parallel: v || undefined }, 'parallel')}
        />
      )}
      {isInference(node) && (
        <TextField
          label="Fallback"
          value={str(p.fallback)}
          placeholder="What answers when it fails or times out"
          onChange={(v) => setProps({ fallback: v || undefined }, 'fallback')}
        />
      )}
      {plays(node, 'prediction-logging') && (
        <CheckField
          label="Logs the served features (not only ids and scores)"
          checked={p.logsFeatures === true}
          onChange={(v) => setProps({ logsFeatures: v || undefined }, 'logsFeatures')}
        />
      )}
    </>
  );
}

const KIND_OPTIONS = new Map<string, KindId[]>();
/** The kinds a component of this kind may also act as (every actable kind but its own), built once per kind. */
function kindOptions(kind: KindId): KindId[] {
  let list = KIND_OPTIONS.get(kind);
  if (!list) {
    list = ACTS_AS_KINDS.filter((k) => k !== kind);
    KIND_OPTIONS.set(kind, list);
  }
  return list;
}

/** A keyboard way to connect: pick another component and connect this one to it. */
/** Most components the Connect to list shows; a larger design searches by name first. */
const CONNECT_LIST_MAX = 300;

function ConnectTo({ node }: { node: DiagramNode }) {
  const store = useDiagramStoreApi();
  const others = useDiagramStore(
    useShallow((s) =>
      s.diagram.nodes
        .filter((n) => n.id !== node.id && n.kind !== 'note' && n.kind !== 'group')
        .map((n) => `${n.id}\u0000${nodeLabel(n)}`),
    ),
  );
  const [target, setTarget] = useState('');
  const [query, setQuery] = useState('');
  const connect = () => {
    if (!target) return;
    const r = store.getState().connect(node.id, target);
    if (!r.ok) store.getState().notify('error', r.error);
    else {
      store.getState().setSelection({ nodes: [node.id], edges: [] });
      setTarget('');
      store.getState().notify('success', 'Connected.');
    }
  };
  if (!others.length) return null;
  // A large design lists only the components whose name holds what is typed (a list of 20,000
  // options took the browser seconds to build on every click on a component).
  const many = others.length > CONNECT_LIST_MAX;
  const q = query.trim().toLowerCase();
  const listed: { value: string; label: string }[] = [];
  for (const o of others) {
    if (listed.length >= CONNECT_LIST_MAX) break;
    const [id, label] = o.split('\u0000');
    if (!many || (q && label.toLowerCase().includes(q)) || id === target) listed.push({ value: id, label: label.length > 80 ? `${label.slice(0, 80)}…` : label });
  }
  return (
    <div className="connect-to">
      {many && <TextField label="Find a component to connect to" value={query} onChange={setQuery} placeholder="Type part of its name" />}
      <SelectField
        label="Connect to…"
        value={target}
        options={[{ value: '', label: many && !q ? 'Type a name above' : listed.length ? 'Choose a component' : 'No component has that name' }, ...listed]}
        onChange={(v) => setTarget(v)}
      />
      <button type="button" className="btn" disabled={!target} onClick={connect}>
        <ArrowRight size={15} aria-hidden /> Connect
      </button>
    </div>
  );
}

function EdgeInspector({ edge }: { edge: DiagramEdge }) {
  const store = useDiagramStoreApi();
  const ends = useDiagramStore(
    useShallow((s) => {
      const src = s.diagram.nodes.find((n) => n.id === edge.source);
      const tgt = s.diagram.nodes.find((n) => n.id === edge.target);
      return [src ? nodeLabel(src) : edge.source, tgt ? nodeLabel(tgt) : edge.target];
    }),
  );
  return (
    <>
      <div className="panel-head">
        <h2 className="panel-title">Connection</h2>
      </div>
      <p className="inspector-kind edge-ends">
        {ends[0]} <ArrowRight size={14} aria-label="to" /> {ends[1]}
      </p>
      <div className="inspector-body">
        <SelectField
          label="Kind"
          value={edge.kind}
          options={EDGE_KINDS.map((k) => ({ value: k, label: `${EDGE_KIND_INFO[k].label}: ${EDGE_KIND_INFO[k].description}` }))}
          onChange={(v) => v && store.getState().updateEdge(edge.id, { kind: v })}
        />
        <TextField
          label="Label"
          value={edge.label ?? ''}
          placeholder="e.g. impressions"
          onChange={(v) => store.getState().updateEdge(edge.id, { label: v }, `${edge.id}:label`)}
        />
        <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteElements([], [edge.id])}>
          <Trash2 size={15} aria-hidden /> Delete connection
        </button>
      </div>
    </>
  );
}

function MultiInspector() {
  const store = useDiagramStoreApi();
  const sel = useDiagramStore((s) => s.selection);
  return (
    <>
      <div className="panel-head">
        <h2 className="panel-title">Selection</h2>
      </div>
      <div className="inspector-body">
        <p className="muted">
          {sel.nodes.length} component{sel.nodes.length === 1 ? '' : 's'} and {sel.edges.length} connection
          {sel.edges.length === 1 ? '' : 's'} selected.
        </p>
        {sel.nodes.length >= 2 && (
          <>
            <h3 className="inspector-sub">Arrange</h3>
            <ArrangeButtons count={sel.nodes.length} />
          </>
        )}
        <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteElements(sel.nodes, sel.edges)}>
          <Trash2 size={15} aria-hidden /> Delete selection
        </button>
      </div>
    </>
  );
}

function EmptyInspector() {
  const store = useDiagramStoreApi();
  const brief = useDiagramStore((s) => s.diagram.brief ?? '');
  const problem = useDiagramStore((s) => s.diagram.problem);
  const needs = problemProfile(problem).needs;
  return (
    <>
      <div className="panel-head">
        <h2 className="panel-title">Design</h2>
      </div>
      <div className="inspector-body">
        <div className="field-group">
          {/* The problem is picked in the header (one select, always in sight); here it is explained. */}
          <p className="design-problem">
            Problem: <strong>{PROBLEM_LABELS[problem]}</strong> <span className="muted">(pick it in the header)</span>
          </p>
          <p className="field-hint">
            {needs.length
              ? `The check also asks for: ${needs.map((g) => describeGroup(g)).join('; ')}.`
              : 'Pick the kind of system to also check for the components a strong answer to it needs.'}
          </p>
        </div>
        <TextField
          label="Brief (the interview question)"
          multiline
          value={brief}
          placeholder="e.g. Design a system that recommends videos on the home page."
          onChange={(v) => store.getState().setBrief(v)}
        />
        <div className="tips">
          <h3>How to build</h3>
          <ul>
            <li>Drag components from the palette, or focus one and press Enter.</li>
            <li>Drag from a component's handle onto another to connect them, or onto empty canvas to add a connected one.</li>
            <li>Select anything to edit it here; Delete removes it.</li>
          </ul>
        </div>
      </div>
    </>
  );
}
