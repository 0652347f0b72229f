import { Share2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Diagram } from '../../domain/diagram';
import { STAGES } from '../../domain/stages';
import { loadTemplate, TEMPLATE_IDS } from '../../io/templates';
import { checksSelector } from '../../store/findings';
import { useDiagramStore, useDiagramStoreApi } from '../../store/useDiagramStore';
import { DiagramPreview } from '../../ui/DiagramPreview';
import { useRoom, useRoomView } from './useRoom';

/** What a score on the rubric means. */
export const SCORE_LABELS = ['', 'Missing', 'Weak', 'Solid', 'Strong'] as const;

function Reference({ templateId }: { templateId: string | null }) {
  const [ref, setRef] = useState<Diagram | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRef(null);
    setError(null);
    if (!templateId) return;
    let live = true;
    void loadTemplate(templateId).then((r) => live && (r.ok ? setRef(r.value) : setError(r.error)));
    return () => void (live = false);
  }, [templateId]);
  if (!templateId) return <p className="muted">Pick the case study to see its reference answer.</p>;
  if (error) return <p className="room-error">{error}</p>;
  if (!ref) return <p className="muted">Loading the reference answer…</p>;
  return (
    <div className="room-reference">
      <DiagramPreview diagram={ref} label={`Reference answer: ${ref.title}`} />
      <p className="muted">
        {ref.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note').length} components. {ref.brief}
      </p>
    </div>
  );
}

/**
 * The interviewer's private panel: a note and a score per step of the rubric, the case study's reference
 * answer and the checker's findings (also while the candidate's are hidden). It lives in a document the
 * server gives to the interviewer's key only; "Share with the candidate" copies the scored rubric into
 * the room, where it lands in the Markdown write-up.
 */
export function InterviewerPanel() {
  const room = useRoom();
  const store = useDiagramStoreApi();
  const notes = useRoomView((v) => v.notes) ?? {};
  const scores = useRoomView((v) => v.scores) ?? {};
  const templateId = useRoomView((v) => v.privateTemplateId ?? v.templateId);
  const rubric = useRoomView((v) => v.rubric);
  const checks = useDiagramStore(checksSelector(store));
  const [tab, setTab] = useState<'rubric' | 'reference' | 'findings'>('rubric');
  if (!room) return null;
  return (
    <aside className="interviewer-panel" aria-label="Interviewer notes">
      <div className="ip-head">
        <h2>Interviewer notes</h2>
        <span className="muted ip-private">Only you see this</span>
        <button type="button" className="icon-btn" aria-label="Close interviewer notes" onClick={() => room.togglePanel(false)}>
          <X size={16} aria-hidden />
        </button>
      </div>
      <div className="ip-tabs" role="tablist">
        {(['rubric', 'reference', 'findings'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className="ip-tab" onClick={() => setTab(t)}>
            {t === 'rubric' ? 'Rubric' : t === 'reference' ? 'Reference answer' : `Findings (${checks.findings.length})`}
          </button>
        ))}
      </div>
      <div className="ip-body">
        {tab === 'rubric' && (
          <>
            <ol className="ip-steps">
              {STAGES.map((s, i) => (
                <li key={s.id} className="ip-step">
                  <div className="ip-step-head">
                    <span className="ip-step-name" style={{ borderColor: s.color }}>
                      {s.step}. {s.name}
                    </span>
                    <span className="ip-scores" role="radiogroup" aria-label={`Score for ${s.name}`}>
                      {[1, 2, 3, 4].map((n) => (
                        <button
                          key={n}
                          type="button"
                          role="radio"
                          aria-checked={scores[i] === n}
                          title={SCORE_LABELS[n]}
                          className="ip-score"
                          onClick={() => room.setScore(i, scores[i] === n ? null : n)}
                        >
                          {n}
                        </button>
                      ))}
                    </span>
                  </div>
                  <textarea
                    className="ip-note"
                    aria-label={`Notes on ${s.name}`}
                    placeholder="What the candidate did well, what was missing…"
                    value={notes[i] ?? ''}
                    onChange={(e) => room.setNote(i, e.target.value)}
                    rows={2}
                  />
                </li>
              ))}
            </ol>
            <div className="ip-share">
              <button type="button" className="btn btn-primary" onClick={() => room.shareRubric()}>
                <Share2 size={14} aria-hidden /> {rubric ? 'Share the rubric again' : 'Share the scored rubric with the candidate'}
              </button>
              {rubric && <span className="muted">Shared at {new Date(rubric.sharedAt).toLocaleTimeString()}</span>}
            </div>
          </>
        )}
        {tab === 'reference' && (
          <>
            <label className="ip-field">
              <span>Case study</span>
              <select value={templateId ?? ''} onChange={(e) => room.setTemplate(e.target.value || null)}>
                <option value="">None</option>
                {TEMPLATE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {id.replace(/-/g, ' ')}
                  </option>
                ))}
              </select>
            </label>
            <Reference templateId={templateId ?? null} />
          </>
        )}
        {tab === 'findings' && (
          <ul className="ip-findings">
            {checks.findings.length === 0 && <li className="muted">No findings: the checker is satisfied.</li>}
            {checks.findings.map((f, i) => (
              <li key={`${f.rule}-${i}`} data-severity={f.severity}>
                <strong>{f.severity === 'error' ? 'Error' : f.severity === 'warning' ? 'Warning' : 'Note'}</strong> {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
