import { ArrowRight, ChevronDown, ChevronRight, CircleAlert, CircleCheck, CircleDashed, CircleDot, Copy, Download, Plus, TriangleAlert, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kindInfo, type KindId } from '../domain/catalogue';
import type { Finding } from '../domain/checker/types';
import { FREE_EXTRAS, type CardField, type StageComparison } from '../domain/compare';
import { ghostsOfStage, type CompareContext, type MissingLink } from '../domain/compareMatch';
import { comparisonToMarkdown, type ReviewExtras } from '../domain/compareMarkdown';
import { clockView, formatClock, stepBudget } from '../domain/practiceClock';
import { reviewQuestions } from '../domain/practiceHints';
import { STAGES, stageById } from '../domain/stages';
import { exportFileName } from '../domain/export/fileName';
import { downloadBlob } from '../io/download';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

const STATUS_ICON = {
  match: CircleCheck,
  covered: CircleCheck,
  partial: CircleDot,
  missing: CircleDashed,
  empty: CircleDashed,
} as const;

function countText(findings: readonly Finding[]): string {
  const e = findings.filter((f) => f.severity === 'error').length;
  const w = findings.filter((f) => f.severity === 'warning').length;
  if (!e && !w) return 'no errors or warnings';
  const parts = [];
  if (e) parts.push(`${e} error${e === 1 ? '' : 's'}`);
  if (w) parts.push(`${w} warning${w === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function extrasText(n: number): string {
  if (!n) return 'Nothing the reference does without';
  const what = `${n} component${n === 1 ? '' : 's'} the reference does without`;
  return n <= FREE_EXTRAS ? `${what} (up to ${FREE_EXTRAS} are free)` : `${what} (${FREE_EXTRAS} are free)`;
}

/** What the comparison's hover points at: a node on either side, or the kind of a chip. */
export type CompareHover =
  | { side: 'yours'; id: string }
  | { side: 'reference'; id: string }
  | { side: 'missing-kind'; kind: KindId }
  | { side: 'extra-kind'; kind: KindId };

/** What the panel's buttons do (CompareView runs them through the store, each one undo step). */
export interface CompareActions {
  /** Adds reference components (ghost ids) with their connections. */
  add(ids: readonly string[]): void;
  /** Adds the reference component that stands for a missing kind. */
  addKind(kind: KindId): void;
  /** Fills your requirements or objective card's gaps from the reference's. */
  fill(kind: 'requirements' | 'ml-objective'): void;
  /** Draws a missing connection between two components you have. */
  link(l: MissingLink): void;
}

interface RowProps {
  s: StageComparison;
  ctx: CompareContext;
  actions: CompareActions;
  onHover(h: CompareHover | null): void;
}

function Chips({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cmp-chips">
      <span className="cmp-chips-label">{label}</span>
      <ul aria-label={label}>{children}</ul>
    </div>
  );
}

function MissingChips({ s, ctx, actions, onHover }: RowProps) {
  if (!s.missing.length) return null;
  const hasCard = (k: KindId) => ctx.diagram.nodes.some((n) => n.kind === k);
  return (
    <Chips label="Missing">
      {s.missing.map((k) => {
        const card = (k === 'requirements' || k === 'ml-objective') && hasCard(k);
        const name = kindInfo(k).label;
        const hover = { onMouseEnter: () => onHover({ side: 'missing-kind', kind: k }), onMouseLeave: () => onHover(null), onFocus: () => onHover({ side: 'missing-kind', kind: k }), onBlur: () => onHover(null) };
        return (
          <li key={k}>
            {card ? (
              <button type="button" className="cmp-chip cmp-chip-missing cmp-chip-btn" aria-label={`Fill your ${name} card from the reference`} title="Fill the fields your card lacks from the reference's" onClick={() => actions.fill(k as 'requirements' | 'ml-objective')}>
                <Plus size={12} aria-hidden />
                {name}
              </button>
            ) : (
              <button type="button" className="cmp-chip cmp-chip-missing cmp-chip-btn" aria-label={`Add ${name} from the reference`} title="Add it as in the reference, with its connections to what you have" onClick={() => actions.addKind(k)} {...hover}>
                <Plus size={12} aria-hidden />
                {name}
              </button>
            )}
          </li>
        );
      })}
    </Chips>
  );
}

function StageRow({ s, ctx, actions, onHover }: RowProps) {
  const [open, setOpen] = useState(false);
  const stage = stageById(s.stage);
  const Icon = STATUS_ICON[s.status];
  const findings = s.yourFindings.filter((f) => f.severity !== 'info');
  const refFindings = s.referenceFindings.filter((f) => f.severity !== 'info');
  const ghosts = ghostsOfStage(ctx.plan, s.stage);
  return (
    <li className={`cmp-stage cmp-${s.status}`} style={{ '--stage': stage.color } as CSSProperties} data-stage={s.stage}>
      <div className="cmp-stage-head">
        <Icon size={16} className="cmp-status" aria-hidden />
        <h4>
          {stage.step}. {stage.name}
        </h4>
        <span className="cmp-count">
          {s.matched.length + s.alternatives.length}/{s.referenceKinds.length}
        </span>
      </div>
      <p className="cmp-verdict">{s.verdict}</p>
      <MissingChips s={s} ctx={ctx} actions={actions} onHover={onHover} />
      {s.alternatives.length > 0 && (
        <Chips label="Another way">
          {s.alternatives.map((a) => (
            <li key={a.reference} className="cmp-chip cmp-chip-matched" title={`Your ${kindInfo(a.yours).label} stands in for the reference's ${kindInfo(a.reference).label}: a valid choice`}>
              {kindInfo(a.yours).label} for {kindInfo(a.reference).label}
            </li>
          ))}
        </Chips>
      )}
      {s.notNeeded.length > 0 && (
        <Chips label="Not needed">
          {s.notNeeded.map((k) => (
            <li key={k} className="cmp-chip cmp-chip-extra" title="Your design trains nothing, so it needs no training machinery">
              {kindInfo(k).label}
            </li>
          ))}
        </Chips>
      )}
      {s.extra.length > 0 && (
        <Chips label="Not in the reference">
          {s.extra.map((k) => (
            <li
              key={k}
              className="cmp-chip cmp-chip-extra"
              onMouseEnter={() => onHover({ side: 'extra-kind', kind: k })}
              onMouseLeave={() => onHover(null)}
            >
              {kindInfo(k).label}
            </li>
          ))}
        </Chips>
      )}
      {ghosts.length > 1 && (
        <button type="button" className="cmp-add-all" onClick={() => actions.add(ghosts)}>
          <Plus size={13} aria-hidden /> Add all {ghosts.length} missing in this stage
        </button>
      )}
      {s.referenceCustom.length > 0 && <p className="cmp-note">The reference also has a custom component: {s.referenceCustom.join(', ')}.</p>}
      <div className="cmp-findings">
        <button type="button" className="cmp-findings-toggle" aria-expanded={open} disabled={!findings.length && !refFindings.length} onClick={() => setOpen(!open)}>
          {findings.length || refFindings.length ? open ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden /> : null}
          Yours: {countText(s.yourFindings)}
        </button>
        <span className="cmp-findings-ref">Reference: {countText(s.referenceFindings)}</span>
        {open && (
          <>
            <FindingList findings={findings} label="Your findings" />
            {refFindings.length > 0 && <FindingList findings={refFindings} label="The reference's findings" />}
          </>
        )}
      </div>
    </li>
  );
}

function FindingList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  if (!findings.length) return null;
  return (
    <ul className="cmp-finding-list" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i} className={`cmp-finding sev-${f.severity}`}>
          {f.severity === 'error' ? <CircleAlert size={13} aria-hidden /> : <TriangleAlert size={13} aria-hidden />}
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

function MissingConnections({ pairs, links, actions }: { pairs: readonly [KindId, KindId][]; links: readonly MissingLink[]; actions: CompareActions }) {
  const [open, setOpen] = useState(false);
  const shown = open ? pairs : pairs.slice(0, 4);
  const linkOf = (a: KindId, b: KindId) => links.find((l) => l.from === a && l.to === b);
  return (
    <section className="cmp-section">
      <h3>Connections to add</h3>
      <p className="muted">Flows the reference has that your design does not join (directly or through one step).</p>
      <ul className="cmp-connections">
        {shown.map(([a, b]) => {
          const l = linkOf(a, b);
          return (
            <li key={`${a}>${b}`}>
              <span>{kindInfo(a).label}</span>
              <ArrowRight size={13} aria-label="to" />
              <span>{kindInfo(b).label}</span>
              {l && (
                <button type="button" className="cmp-link-btn" aria-label={`Connect ${kindInfo(a).label} to ${kindInfo(b).label}`} title={`Draw a ${l.kind} connection, as the reference does`} onClick={() => actions.link(l)}>
                  <Plus size={12} aria-hidden /> Connect
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {pairs.length > 4 && (
        <button type="button" className="cmp-more" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show all ${pairs.length}`}
        </button>
      )}
    </section>
  );
}

function CardTable({ title, rows }: { title: string; rows: readonly CardField[] }) {
  return (
    <section className="cmp-section">
      <h3>{title}</h3>
      <table className="cmp-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Field</span>
            </th>
            <th scope="col">Yours</th>
            <th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className={r.yours ? '' : 'cmp-empty'}>{r.yours ?? 'not set'}</td>
              <td>{r.reference ?? '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The score's change after the last edit, shown for a few seconds ("+4"). */
function useScoreDelta(total: number): number {
  const last = useRef(total);
  const [delta, setDelta] = useState(0);
  useEffect(() => {
    if (total === last.current) return;
    setDelta(total - last.current);
    last.current = total;
    const t = setTimeout(() => setDelta(0), 4000);
    return () => clearTimeout(t);
  }, [total]);
  return delta;
}

interface ComparePanelProps {
  ctx: CompareContext;
  links: readonly MissingLink[];
  mode: 'side' | 'overlay';
  modeSwitch: ReactNode;
  actions: CompareActions;
  onHover(h: CompareHover | null): void;
}

/** The comparison with a reference answer: score, stages with what to add, cards, time, questions; exportable as Markdown with a picture of both designs. */
export default function ComparePanel({ ctx, links, modeSwitch, actions, onHover }: ComparePanelProps) {
  const store = useDiagramStoreApi();
  const diagram = ctx.diagram;
  const target = useDiagramStore((s) => s.comparison!);
  const session = useDiagramStore(
    useShallow((s) =>
      s.practice && s.practice.templateId === target.templateId ? { clock: s.practice.clock, hints: s.practice.hints } : null,
    ),
  );
  const cmp = ctx.comparison;
  const questions = useMemo(() => reviewQuestions(diagram, session?.hints ?? []), [diagram, session?.hints]);
  const extras = (): ReviewExtras => {
    const out: ReviewExtras = { questions };
    if (session) {
      const v = clockView(session.clock, Date.now());
      out.time = {
        total: formatClock(v.elapsed),
        steps: STAGES.map((s, i) => ({ stage: `${s.step}. ${s.name}`, used: formatClock(v.perStep[i]), suggested: s.minutes, over: v.perStep[i] > stepBudget(i) })),
      };
    }
    return out;
  };
  const markdown = async () => {
    // The pictures are the SVG export of each design (its code loads on first use).
    const { diagramSvg } = await import('../io/exporters');
    return comparisonToMarkdown(cmp, { ...extras(), pictures: { yours: diagramSvg(diagram).svg, reference: diagramSvg(target.reference).svg } });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await markdown());
      store.getState().notify('success', 'Comparison copied as Markdown.');
    } catch {
      store.getState().notify('error', 'The browser refused the clipboard: download the comparison instead.');
    }
  };
  const download = async () => {
    try {
      downloadBlob(new Blob([await markdown()], { type: 'text/markdown;charset=utf-8' }), exportFileName(`${cmp.yourTitle} vs ${cmp.referenceTitle}`, '.md'));
    } catch {
      store.getState().notify('error', 'The write-up could not be made: the export code did not load. Check the connection and try again.');
    }
  };
  const s = cmp.score;
  const delta = useScoreDelta(s.total);
  const time = session ? clockView(session.clock, Date.now()) : null;

  return (
    <aside className="compare-panel" aria-label="Comparison with the reference">
      <div className="cmp-head">
        <div>
          <h2>Compare with reference</h2>
          <p className="muted">{cmp.referenceTitle}</p>
        </div>
        <button type="button" className="icon-btn" aria-label="Copy comparison as Markdown" title="Copy as Markdown" onClick={() => void copy()}>
          <Copy size={16} aria-hidden />
        </button>
        <button type="button" className="icon-btn" aria-label="Download comparison as Markdown" title="Download as Markdown (.md), with a picture of both designs" onClick={() => void download()}>
          <Download size={16} aria-hidden />
        </button>
        <button type="button" className="icon-btn" aria-label="Close comparison" title="Close" onClick={() => store.getState().closeComparison()}>
          <X size={16} aria-hidden />
        </button>
      </div>
      {modeSwitch}
      <div className="cmp-body">
        <section className={`cmp-score grade-${s.grade.toLowerCase()}`} aria-label="Score">
          <div className="cmp-score-main">
            <span className="cmp-score-num">{s.total}</span>
            <span className="cmp-score-of">/ 100</span>
            {delta !== 0 && (
              <span className={`cmp-delta ${delta > 0 ? 'is-up' : 'is-down'}`} aria-hidden>
                {delta > 0 ? `+${delta}` : `−${-delta}`}
              </span>
            )}
            <span className="cmp-grade">{s.grade}</span>
          </div>
          <div className="cmp-meter" aria-hidden>
            <span style={{ width: `${s.total}%` }} />
          </div>
          <dl className="cmp-breakdown">
            <div>
              <dt>
                Covers {s.covered} of {s.referenceCount} reference components
              </dt>
              <dd>+{s.componentPoints}</dd>
            </div>
            <div>
              <dt>
                Joins {s.connectionsCovered} of its {s.connectionCount} connections
              </dt>
              <dd>+{s.connectionPoints}</dd>
            </div>
            <div>
              <dt>{extrasText(s.extraCount)}</dt>
              <dd>−{s.extraCost}</dd>
            </div>
            <div>
              <dt>Checker: {countText(cmp.yourCheck.findings.filter((f) => f.rule !== 'missing-stage' && f.rule !== 'missing-component'))}</dt>
              <dd>−{s.findingsCost}</dd>
            </div>
          </dl>
        </section>

        <section className="cmp-section">
          <h3>By stage</h3>
          <ol className="cmp-stages">
            {cmp.stages.map((st) => (
              <StageRow key={st.stage} s={st} ctx={ctx} actions={actions} onHover={onHover} />
            ))}
          </ol>
        </section>

        {cmp.missingConnections.length > 0 && <MissingConnections pairs={cmp.missingConnections} links={links} actions={actions} />}

        <CardTable title="Requirements" rows={cmp.requirements} />
        <CardTable title="ML objective" rows={cmp.objective} />

        {time && (
          <section className="cmp-section">
            <h3>Time</h3>
            <p className="muted">
              {formatClock(time.elapsed)} of 45:00 used.
            </p>
            <ul className="cmp-time">
              {STAGES.map((st, i) => {
                const over = time.perStep[i] > stepBudget(i);
                return (
                  <li key={st.id} className={over ? 'is-over' : ''}>
                    <span>
                      {st.step}. {st.short}
                    </span>
                    <span>
                      {formatClock(time.perStep[i])} / {st.minutes}:00
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}

        {questions.length > 0 && (
          <section className="cmp-section">
            <h3>Questions to prepare</h3>
            <p className="muted">What an interviewer would ask about the components you placed.</p>
            <ul className="cmp-questions">
              {questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}
