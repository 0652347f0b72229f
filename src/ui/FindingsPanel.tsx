import { CircleCheckBig, EyeOff, ListTodo } from 'lucide-react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findingKey, suppresses } from '../domain/checker/keys';
import type { Finding, SuppressedFinding } from '../domain/checker/types';
import { STAGES, stageById, type Stage } from '../domain/stages';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { retryChecker } from '../store/findings';
import { useChecks } from '../store/useFindings';
import { FindingItem } from './FindingItem';

/** Findings shown per group before "Show N more" (a 500-node design can raise hundreds). */
const GROUP_LIMIT = 25;

interface Group {
  id: string;
  stage: Stage | null;
  findings: Finding[];
}

/** Findings by stage in the order of the seven stages, then those without a stage; errors first within each. */
function groupByStage(findings: readonly Finding[]): Group[] {
  const groups: Group[] = [];
  for (const stage of [...STAGES, null]) {
    const list = findings.filter((f) => (f.stage ?? null) === (stage?.id ?? null));
    // runChecks sorts errors first; filtering keeps that order.
    if (list.length) groups.push({ id: stage?.id ?? 'general', stage, findings: list });
  }
  return groups;
}

interface Props {
  /** Zooms the canvas to these nodes (the panel has already selected them). */
  onReveal(nodeIds: readonly string[]): void;
}

/**
 * The findings of the design check, grouped by stage, errors first; a finding selects and zooms
 * to its components, explains why it matters, and can be suppressed with a reason (and restored).
 */
export function FindingsPanel({ onReveal }: Props) {
  const store = useDiagramStoreApi();
  const { findings, suppressed, pending, hidden, unavailable, toDo: toDoKeys } = useChecks();
  const selected = useDiagramStore(useShallow((s) => s.selection.nodes));
  // A design that is just starting sees its uncovered stages as a to-do list, not as errors.
  const toDoSet = useMemo(() => (toDoKeys ? new Set(toDoKeys) : null), [toDoKeys]);
  const toDo = useMemo(() => (toDoSet ? findings.filter((f) => f.rule === 'missing-stage') : []), [toDoSet, findings]);
  const rest = useMemo(() => (toDoSet ? findings.filter((f) => !toDoSet.has(findingKey(f))) : findings), [toDoSet, findings]);
  const groups = useMemo(() => groupByStage(rest), [rest]);
  const root = useRef<HTMLElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ key: string; suppressed: boolean } | null>(null);

  const selectedKey = useMemo(() => [...selected].sort().join('\n'), [selected]);

  const reveal = useCallback(
    (f: Finding) => {
      if (!f.nodeIds.length) return;
      store.getState().setSelection({ nodes: f.nodeIds, edges: [] });
      onReveal(f.nodeIds);
    },
    [store, onReveal],
  );
  const suppress = useCallback(
    (f: Finding, reason: string) => {
      const r = store.getState().suppress(f.rule, f.nodeIds, reason);
      if (!r.ok) return r.error;
      setFocusAfter({ key: findingKey(f), suppressed: true });
      return null;
    },
    [store],
  );
  const fix = useCallback(
    (f: Finding) => {
      if (!f.fix) return;
      const r = store.getState().applyFix(f.fix);
      if (!r.ok) store.getState().notify('error', r.error);
      else {
        store.getState().setSelection({ nodes: [], edges: [f.fix.edgeId] });
        store.getState().notify('success', `${f.fix.label}: done (Ctrl+Z undoes it).`);
      }
    },
    [store],
  );
  const restore = useCallback(
    (f: Finding) => {
      store.getState().unsuppress(f);
      setFocusAfter({ key: findingKey(f), suppressed: false });
    },
    [store],
  );

  // Focus follows a finding that moved between the list and the suppressed group, so keyboard users keep their place.
  useLayoutEffect(() => {
    if (!focusAfter || !root.current) return;
    setFocusAfter(null);
    const items = [...root.current.querySelectorAll<HTMLElement>('li.finding')].filter(
      (li) => li.dataset.key === focusAfter.key && li.classList.contains('finding-suppressed') === focusAfter.suppressed,
    );
    const target = items[0]?.querySelector<HTMLElement>(focusAfter.suppressed ? '.restore-btn' : '.finding-message, .link-btn');
    (target ?? root.current.querySelector<HTMLElement>('.findings-focus'))?.focus();
  }, [focusAfter]);

  // How many other findings a rule-wide suppression (a finding without nodes) would also hide.
  const alsoSuppresses = useCallback(
    (f: Finding) => {
      if (f.nodeIds.length) return 0;
      const wide = { rule: f.rule, reason: 'x' };
      return findings.filter((g) => g !== f && suppresses(wide, g)).length;
    },
    [findings],
  );

  return (
    <section className="findings" aria-label="Findings" ref={root}>
      <span className="findings-focus" tabIndex={-1} />
      {hidden ? (
        <FindingsHidden />
      ) : unavailable ? (
        <div className="findings-pending" role="alert">
          <p>{unavailable}</p>
          <button type="button" className="btn" onClick={retryChecker}>
            Try again
          </button>
        </div>
      ) : pending ? (
        <p className="muted findings-pending" role="status">Checking the design…</p>
      ) : findings.length === 0 ? (
        <div className="findings-success" role="status">
          <CircleCheckBig size={28} aria-hidden />
          <p className="findings-success-title">All checks pass</p>
          <p className="muted">
            The design covers all seven stages and no rule finds a gap.
            {suppressed.length > 0 && ` ${suppressed.length} suppressed ${suppressed.length === 1 ? 'finding is' : 'findings are'} listed below.`}
          </p>
        </div>
      ) : (
        <>
          {toDo.length > 0 && <ToDoList items={toDo} onReveal={reveal} />}
          {groups.map((g) => (
            <FindingGroup
              key={g.id}
              group={g}
              selectedKey={selectedKey}
              onReveal={reveal}
              onSuppress={suppress}
              onFix={fix}
              alsoSuppresses={alsoSuppresses}
            />
          ))}
        </>
      )}
      {suppressed.length > 0 && (
        <SuppressedGroup items={suppressed} selectedKey={selectedKey} onReveal={reveal} onRestore={restore} />
      )}
    </section>
  );
}

/** Practice mode: the findings wait until the user asks for a check. */
function FindingsHidden() {
  const store = useDiagramStoreApi();
  return (
    <div className="findings-success findings-hidden" role="status">
      <EyeOff size={28} aria-hidden />
      <p className="findings-success-title">Findings are hidden while you practise</p>
      <p className="muted">Draw your answer first, as in the interview; check it when you want feedback.</p>
      <button type="button" className="btn" onClick={() => store.getState().setFindingsHidden(false)}>
        Check design
      </button>
    </div>
  );
}

/** The stages a design that is just starting has yet to cover, in interview order, the next one marked. */
function ToDoList({ items, onReveal }: { items: readonly Finding[]; onReveal(f: Finding): void }) {
  return (
    <div className="finding-group todo-group" role="group" aria-labelledby="findings-todo">
      <h3 className="finding-group-head" id="findings-todo">
        <ListTodo size={14} aria-hidden />
        <span className="finding-group-title">Next steps</span>
        <span className="finding-group-count">{items.length}</span>
      </h3>
      <p className="todo-intro muted">Work through the interview's stages in order; each step ticks off as the design covers it.</p>
      <ol className="todo-list">
        {items.map((f, i) => {
          const stage = f.stage ? stageById(f.stage) : null;
          return (
            <li key={findingKey(f)} className={`todo${i === 0 ? ' is-next' : ''}`} data-rule={f.rule} data-stage={f.stage} style={{ '--stage': stage?.color } as CSSProperties}>
              <span className="todo-step" aria-hidden>
                {stage?.step}
              </span>
              <div className="todo-body">
                <p className="todo-title">
                  {stage?.name}
                  {i === 0 && <span className="todo-next">Next</span>}
                </p>
                {f.nodeIds.length > 0 ? (
                  <button type="button" className="finding-message todo-message" onClick={() => onReveal(f)} title="Select the card">
                    {f.message}
                  </button>
                ) : (
                  <p className="todo-message">{f.message}</p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function FindingGroup({
  group,
  selectedKey,
  onReveal,
  onSuppress,
  onFix,
  alsoSuppresses,
}: {
  group: Group;
  selectedKey: string;
  onReveal(f: Finding): void;
  onSuppress(f: Finding, reason: string): string | null;
  onFix(f: Finding): void;
  alsoSuppresses(f: Finding): number;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? group.findings : group.findings.slice(0, GROUP_LIMIT);
  const headId = `findings-${group.id}`;
  const errors = group.findings.filter((f) => f.severity === 'error').length;
  return (
    <div className="finding-group" role="group" aria-labelledby={headId} data-group={group.id}>
      <h3 className="finding-group-head" id={headId} style={{ '--stage': group.stage?.color ?? 'var(--faint)' } as CSSProperties}>
        <span className="finding-group-dot" aria-hidden />
        <span className="finding-group-title">{group.stage ? `${group.stage.step}. ${group.stage.name}` : 'Across stages'}</span>
        <span className="finding-group-count" title={`${errors} error${errors === 1 ? '' : 's'}`}>
          {group.findings.length}
        </span>
      </h3>
      <ul className="finding-list">
        {shown.map((f) => {
          const key = findingKey(f);
          return (
            <FindingItem
              key={key}
              itemKey={key}
              finding={f}
              active={isSelected(f, selectedKey)}
              onReveal={onReveal}
              onSuppress={onSuppress}
              onFix={onFix}
              alsoSuppresses={alsoSuppresses(f)}
            />
          );
        })}
      </ul>
      {shown.length < group.findings.length && (
        <button type="button" className="link-btn show-more" onClick={() => setAll(true)}>
          Show {group.findings.length - shown.length} more
        </button>
      )}
    </div>
  );
}

/** True when the selection is exactly the finding's nodes (the list highlights that finding). */
function isSelected(f: Finding, selectedKey: string): boolean {
  return f.nodeIds.length > 0 && [...f.nodeIds].sort().join('\n') === selectedKey;
}

function SuppressedGroup({
  items,
  selectedKey,
  onReveal,
  onRestore,
}: {
  items: readonly SuppressedFinding[];
  selectedKey: string;
  onReveal(f: Finding): void;
  onRestore(f: Finding): void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, GROUP_LIMIT);
  return (
    <div className="finding-group finding-group-suppressed" role="group" aria-labelledby="findings-suppressed">
      <h3 className="finding-group-head" id="findings-suppressed">
        <EyeOff size={13} aria-hidden />
        <span className="finding-group-title">Suppressed</span>
        <span className="finding-group-count">{items.length}</span>
      </h3>
      <ul className="finding-list">
        {shown.map(({ finding: f, reason }) => {
          const key = findingKey(f);
          return (
            <FindingItem
              key={key}
              itemKey={key}
              finding={f}
              active={isSelected(f, selectedKey)}
              onReveal={onReveal}
              suppressedReason={reason}
              onRestore={onRestore}
            />
          );
        })}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="link-btn show-more" onClick={() => setAll(true)}>
          Show {items.length - shown.length} more
        </button>
      )}
    </div>
  );
}
