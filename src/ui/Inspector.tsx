import { ArrowRight, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kindInfo } from '../domain/catalogue';
import { KIND_TOOLS } from '../domain/kindTools';
import {
  EDGE_KINDS,
  EDGE_KIND_INFO,
  ML_TASKS,
  PROBLEM_IDS,
  PROBLEM_LABELS,
  nodeLabel,
  nodeStage,
  type DiagramEdge,
  type DiagramNode,
  type NodeProps,
  type ProblemId,
} from '../domain/diagram';
import { describeGroup, problemProfile } from '../domain/profiles';
import { STAGES, stageById } from '../domain/stages';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { CheckField, NumberField, SelectField, TextField } from './fields';
import { kindIconId, SpriteIcon } from './SpriteIcon';
import { LearnCard } from './LearnCard';
import { NodeFindings } from './NodeFindings';

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
          </>
        )}
        {node.kind === 'ml-objective' && (
          <>
            <SelectField
              label="Task"
              value={p.task ?? ''}
              options={[{ value: '', label: 'Choose…' }, ...ML_TASKS.map((t) => ({ value: t, label: t[0].toUpperCase() + t.slice(1) }))]}
              onChange={(v) => setProps({ task: v || undefined }, 'task')}
            />
            <TextField label="Label (what is predicted)" value={text('label')} onChange={(v) => setProps({ label: v || undefined }, 'label')} />
            <TextField label="Loss" value={text('loss')} placeholder="e.g. binary cross-entropy" onChange={(v) => setProps({ loss: v || undefined }, 'loss')} />
            <TextField label="Offline metric" value={text('offlineMetric')} placeholder="e.g. PR-AUC" onChange={(v) => setProps({ offlineMetric: v || undefined }, 'offlineMetric')} />
            <TextField label="Online metric" value={text('onlineMetric')} placeholder="e.g. watch time per user" onChange={(v) => setProps({ onlineMetric: v || undefined }, 'onlineMetric')} />
          </>
        )}
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
          </>
        )}
        {node.kind !== 'note' && (
          <TextField
            label="Notes"
            multiline
            value={text('notes')}
            placeholder="Trade-offs and reasoning"
            onChange={(v) => setProps({ notes: v || undefined }, 'notes')}
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

/** A keyboard way to connect: pick another component and connect this one to it. */
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
  return (
    <div className="connect-to">
      <SelectField
        label="Connect to…"
        value={target}
        options={[{ value: '', label: 'Choose a component' }, ...others.map((o) => {
          const [id, label] = o.split('\u0000');
          return { value: id, label };
        })]}
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
          <SelectField
            label="Problem"
            value={problem}
            options={PROBLEM_IDS.map((id) => ({ value: id, label: PROBLEM_LABELS[id] }))}
            onChange={(v) => v && store.getState().setProblem(v as ProblemId)}
          />
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
            <li>Drag from a component's right handle to another's left handle to connect them.</li>
            <li>Select anything to edit it here; Delete removes it.</li>
          </ul>
        </div>
      </div>
    </>
  );
}
