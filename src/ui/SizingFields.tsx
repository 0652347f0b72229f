import { useMemo, type ReactNode } from 'react';
import type { DiagramNode, NodeProps } from '../domain/diagram';
import { plays } from '../domain/roleRules';
import { GPUS } from '../domain/sizing/rulesOfThumb';
import { designScale, sizeNode, type DesignScale, type Figure, type NodeSizing } from '../domain/sizing/sizing';
import { useDiagramStore } from '../store/useDiagramStore';
import { NumberField, TextField } from './fields';

type SetProps = (props: Partial<NodeProps>, field: string) => void;

const num = (p: NodeProps, key: string) => (typeof p[key] === 'number' ? (p[key] as number) : undefined);

/** The design's load as the Requirements cards give it, recomputed when the nodes change. */
function useDesignScale(): DesignScale {
  const nodes = useDiagramStore((s) => s.diagram.nodes);
  return useMemo(() => designScale({ nodes }), [nodes]);
}

/** Derived figures, each with the sum that produced it. */
export function Figures({ figures, label }: { figures: readonly Figure[]; label: string }) {
  if (figures.length === 0) return null;
  return (
    <dl className="sizing-figures" aria-label={label}>
      {figures.map((f) => (
        <div key={f.id} className="sizing-figure" data-figure={f.id}>
          <dt>{f.label}</dt>
          <dd>
            <strong>{f.text}</strong>
            <span className="sizing-how">{f.how}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What a sizing needs against what it has, and what is still missing. */
export function SizingStatus({ sizing }: { sizing: NodeSizing }) {
  return (
    <>
      {sizing.checks.map((c) => (
        <p key={c.id} className={c.over ? 'sizing-check sizing-short' : 'sizing-check sizing-fits'}>
          {c.over ? 'Short: ' : 'Fits: '}
          {c.text}
        </p>
      ))}
      {sizing.missing.length > 0 && <p className="field-hint">To compute it, add {sizing.missing.join(', ')}.</p>}
    </>
  );
}

/** The Requirements card's sizing inputs, with the peak QPS they give. */
export function RequirementsSizing({ node, setProps }: { node: DiagramNode; setProps: SetProps }) {
  const scale = useDesignScale();
  const p = node.props;
  const field = (key: keyof NodeProps & string, label: string, extra: { unit?: string; placeholder?: string; hint?: string } = {}) => (
    <NumberField key={key} label={label} value={num(p, key)} {...extra} onChange={(v) => setProps({ [key]: v }, key)} />
  );
  const mine = scale.card?.id === node.id;
  return (
    <fieldset className="sizing">
      <legend>Sizing</legend>
      {field('dau', 'Daily active users', { placeholder: 'e.g. 100000000' })}
      {field('requestsPerUserPerDay', 'Requests per user per day', { placeholder: 'e.g. 20' })}
      {field('peakFactor', 'Peak-to-average factor', { placeholder: 'e.g. 3', hint: 'Peak QPS = DAU x requests per day / 86,400 x this factor, where Peak QPS is not given.' })}
      {field('items', 'Items in the catalogue', { placeholder: 'e.g. 5000000000' })}
      {field('eventsPerDay', 'Events per day')}
      {field('bytesPerEvent', 'Bytes per event', { unit: 'B' })}
      {field('retentionDays', 'Retention', { unit: 'days' })}
      {mine && <Figures figures={scale.figures} label="Derived load" />}
    </fieldset>
  );
}

/** A component's sizing inputs (by the roles it plays) and the figures they give. */
export function ComponentSizing({ node, setProps }: { node: DiagramNode; setProps: SetProps }) {
  const scale = useDesignScale();
  const sizing = useMemo(() => sizeNode(node, scale), [node, scale]);
  const p = node.props;
  const field = (key: keyof NodeProps & string, label: string, extra: { unit?: string; placeholder?: string; hint?: string; max?: number; percent?: boolean } = {}) => (
    <NumberField key={key} label={label} value={num(p, key)} {...extra} onChange={(v) => setProps({ [key]: v }, key)} />
  );
  let inputs: ReactNode = null;
  if (plays(node, 'llm-server')) {
    inputs = (
      <>
        {field('promptTokens', 'Prompt tokens per request', { placeholder: 'e.g. 6000' })}
        {field('outputTokens', 'Output tokens per request', { placeholder: 'e.g. 300' })}
        {field('modelParamsB', 'Model size', { unit: 'billion parameters', placeholder: 'e.g. 70' })}
        <TextField
          label="GPU type"
          value={typeof p.gpu === 'string' ? p.gpu : ''}
          placeholder="e.g. H100"
          options={GPUS.map((g) => g.name)}
          onChange={(v) => setProps({ gpu: v || undefined }, 'gpu')}
        />
        {field('gpus', 'GPUs', { placeholder: 'how many it has' })}
      </>
    );
  } else if (plays(node, 'vector-db') || plays(node, 'search-index')) {
    inputs = (
      <>
        {field('items', 'Items in the index', { placeholder: 'the catalogue size if empty' })}
        {field('dimensions', 'Dimensions', { placeholder: 'e.g. 768' })}
        {field('bytesPerDimension', 'Bytes per dimension', { unit: 'B', placeholder: '4', hint: '4 fp32, 2 fp16, 1 int8; PQ: code bytes / dimensions (64 / 768).' })}
        {field('replicas', 'Replicas')}
        {field('shards', 'Shards')}
      </>
    );
  } else if (plays(node, 'candidate-generation') || plays(node, 'ranking') || plays(node, 're-ranking')) {
    inputs = (
      <>
        {field('candidates', 'Candidates per request', { placeholder: 'e.g. 1000' })}
        {field('costPerCandidateUs', 'Cost per candidate', { unit: 'µs', placeholder: 'e.g. 10', hint: 'Time one replica spends scoring one candidate.' })}
        {field('replicas', 'Replicas')}
      </>
    );
  } else if (plays(node, 'human-review')) {
    inputs = (
      <>
        {field('itemsPerDay', 'Items per day')}
        {field('reviewShare', 'Share sent to review', { max: 1, percent: true, placeholder: 'e.g. 0.01 or 1%' })}
        {field('reviewsPerHour', 'Reviews per hour per reviewer', { placeholder: 'e.g. 200' })}
        {field('reviewers', 'Reviewers')}
      </>
    );
  } else if (plays(node, 'event-log') || plays(node, 'data-warehouse') || plays(node, 'object-storage')) {
    inputs = (
      <>
        {field('eventsPerDay', 'Events per day')}
        {field('bytesPerEvent', 'Bytes per event', { unit: 'B' })}
        {field('retentionDays', 'Retention', { unit: 'days' })}
      </>
    );
  }
  if (!inputs) return null;
  return (
    <fieldset className="sizing">
      <legend>Sizing</legend>
      {inputs}
      {sizing && <Figures figures={sizing.figures} label="Derived figures" />}
      {sizing && <SizingStatus sizing={sizing} />}
    </fieldset>
  );
}
