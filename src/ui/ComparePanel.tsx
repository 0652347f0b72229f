import { ArrowRight, ChevronDown, ChevronRight, CircleAlert, CircleCheck, CircleDashed, CircleDot, Copy, Download, TriangleAlert, X } from 'lucide-react';
import { useMemo, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kindInfo, type KindId } from '../domain/catalogue';
import type { Finding } from '../domain/checker/types';
import { compareDiagrams, FREE_EXTRAS, type CardField, type StageComparison } from '../domain/compare';
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

function Chips({ kinds, tone, label }: { kinds: readonly KindId[]; tone: 'missing' | 'extra' | 'matched'; label: string }) {
  if (!kinds.length) return null;
  return (
    <div className="cmp-chips">
      <span className="cmp-chips-label">{label}</span>
      <ul aria-label={label}>
        {kinds.map((k) => (
          <li key={k} className={`cmp-chip cmp-chip-${tone}`}>
            {kindInfo(k).label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function StageRow({ s }: { s: StageComparison }) {
  const [open, setOpen] = useState(false);
  const stage = stageById(s.stage);
  const Icon = STATUS_ICON[s.status];
  const findings = s.yourFindings.filter((f) => f.severity !== 'info');
  return (
    <li className={`cmp-stage cmp-${s.status}`} style={{ '--stage': stage.color } as CSSProperties} data-stage={s.stage}>
      <div className="cmp-stage-head">
        <Icon size={16} className="cmp-status" aria-hidden />
        <h4>
          {stage.step}. {stage.name}
        </h4>
        <span className="cmp-count">
          {s.matched.length}/{s.referenceKinds.length}
        </span>
      </div>
      <p className="cmp-verdict">{s.verdict}</p>
      <Chips kinds={s.missing} tone="missing" label="Missing" />
      <Chips kinds={s.extra} tone="extra" label="Not in the reference" />
      {s.referenceCustom.length > 0 && <p className="cmp-note">The reference also has a custom component: {s.referenceCustom.join(', ')}.</p>}
      <div className="cmp-findings">
        <button type="button" className="cmp-findings-toggle" aria-expanded={open} disabled={!findings.length} onClick={() => setOpen(!open)}>
          {findings.length ? open ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden /> : null}
          Yours: {countText(s.yourFindings)}
        </button>
        <span className="cmp-findings-ref">Reference: {countText(s.referenceFindings)}</span>
        {open && (
          <ul className="cmp-finding-list">
            {findings.map((f, i) => (
              <li key={i} className={`cmp-finding sev-${f.severity}`}>
                {f.severity === 'error' ? <CircleAlert size={13} aria-hidden /> : <TriangleAlert size={13} aria-hidden />}
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

function MissingConnections({ pairs }: { pairs: readonly [KindId, KindId][] }) {
  const [open, setOpen] = useState(false);
  const shown = open ? pairs : pairs.slice(0, 4);
  return (
    <section className="cmp-section">
      <h3>Connections to add</h3>
      <p className="muted">Flows the reference has that your design does not join (directly or through one step).</p>
      <ul className="cmp-connections">
        {shown.map(([a, b]) => (
          <li key={`${a}>${b}`}>
            <span>{kindInfo(a).label}</span>
            <ArrowRight size={13} aria-label="to" />
            <span>{kindInfo(b).label}</span>
          </li>
        ))}
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

/** The comparison with a reference answer, beside the canvas: score, stages, cards, time, questions; exportable as Markdown. */
export default function ComparePanel() {
  const store = useDiagramStoreApi();
  const diagram = useDiagramStore((s) => s.diagram);
  const target = useDiagramStore((s) => s.comparison!);
  const session = useDiagramStore(
    useShallow((s) =>
      s.practice && s.practice.templateId === target.templateId ? { clock: s.practice.clock, hints: s.practice.hints } : null,
    ),
  );
  const cmp = useMemo(() => compareDiagrams(diagram, target.reference), [diagram, target.reference]);
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
  const markdown = () => comparisonToMarkdown(cmp, extras());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      store.getState().notify('success', 'Comparison copied as Markdown.');
    } catch {
      store.getState().notify('error', 'The browser refused the clipboard: download the comparison instead.');
    }
  };
  const download = () =>
    downloadBlob(new Blob([markdown()], { type: 'text/markdown;charset=utf-8' }), exportFileName(`${cmp.yourTitle} vs ${cmp.referenceTitle}`, '.md'));
  const s = cmp.score;
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
        <button type="button" className="icon-btn" aria-label="Download comparison as Markdown" title="Download as Markdown (.md)" onClick={download}>
          <Download size={16} aria-hidden />
        </button>
        <button type="button" className="icon-btn" aria-label="Close comparison" title="Close" onClick={() => store.getState().closeComparison()}>
          <X size={16} aria-hidden />
        </button>
      </div>
      <div className="cmp-body">
        <section className={`cmp-score grade-${s.grade.toLowerCase()}`} aria-label="Score">
          <div className="cmp-score-main">
            <span className="cmp-score-num">{s.total}</span>
            <span className="cmp-score-of">/ 100</span>
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
              <StageRow key={st.stage} s={st} />
            ))}
          </ol>
        </section>

        {cmp.missingConnections.length > 0 && <MissingConnections pairs={cmp.missingConnections} />}

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
