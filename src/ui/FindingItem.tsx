import { ChevronDown, ChevronRight, EyeOff, RotateCcw, Wand2 } from 'lucide-react';
import { memo, useId, useState, type FormEvent, type MouseEvent } from 'react';
import type { Finding } from '../domain/checker/types';
import { SEVERITY_ICON } from './severityIcons';
import { WhyItMatters } from './WhyItMatters';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

interface Props {
  finding: Finding;
  /** Its key (findingKey), for focus after a move between groups. */
  itemKey: string;
  /** True when the canvas selection is exactly this finding's nodes. */
  active: boolean;
  /** Selects the finding's nodes and zooms to them. */
  onReveal(finding: Finding): void;
  /** A suppressed finding's reason (it is then shown greyed, with Restore). */
  suppressedReason?: string;
  onRestore?(finding: Finding): void;
  /** Active findings: suppresses it with a reason; returns an error message when refused. */
  onSuppress?(finding: Finding, reason: string): string | null;
  /** Other findings that the suppression would also hide (a rule-wide suppression). */
  alsoSuppresses?: number;
  /** Applies the finding's one-click fix (shown when the finding has one and is not suppressed). */
  onFix?(finding: Finding): void;
}

/**
 * One finding: severity, message (a button that selects and zooms to its components), its
 * one-click fix where it has one, the concept behind it behind a "Why" disclosure, and suppress
 * (with a reason) or restore.
 */
export const FindingItem = memo(function FindingItem({
  finding,
  itemKey,
  active,
  onReveal,
  suppressedReason,
  onRestore,
  onSuppress,
  alsoSuppresses = 0,
  onFix,
}: Props) {
  const [why, setWhy] = useState(false);
  const [suppressing, setSuppressing] = useState(false);
  const hintId = useId();
  const Icon = SEVERITY_ICON[finding.severity];
  const suppressed = suppressedReason !== undefined;
  const hasNodes = finding.nodeIds.length > 0;
  const n = finding.nodeIds.length;
  const where = hasNodes ? `Select and zoom to ${n === 1 ? 'its component' : `its ${n} components`}` : undefined;

  // A click anywhere on the item (not on its buttons or form) reveals it, like the message button.
  const onItemClick = (e: MouseEvent<HTMLLIElement>) => {
    if (!hasNodes || (e.target as HTMLElement).closest('button, form, a, input')) return;
    onReveal(finding);
  };

  return (
    <li
      className={`finding finding-${finding.severity}${suppressed ? ' finding-suppressed' : ''}${active ? ' is-active' : ''}${hasNodes ? ' has-nodes' : ''}`}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-key={itemKey}
      onClick={onItemClick}
    >
      <Icon className="finding-icon" size={15} aria-hidden />
      <div className="finding-body">
        {hasNodes ? (
          <button type="button" className="finding-message" onClick={() => onReveal(finding)} title={where} aria-current={active || undefined}>
            <span className="sr-only">{SEVERITY_WORD[finding.severity]}:</span> {finding.message}
          </button>
        ) : (
          <p className="finding-message">
            <span className="sr-only">{SEVERITY_WORD[finding.severity]}:</span> {finding.message}
          </p>
        )}
        {suppressed && (
          <p className="finding-reason">
            <span className="sr-only">Reason: </span>
            {suppressedReason}
          </p>
        )}
        <div className="finding-actions">
          {finding.fix && !suppressed && onFix && (
            <button type="button" className="btn btn-sm btn-fix" onClick={() => onFix(finding)}>
              <Wand2 size={13} aria-hidden /> {finding.fix.label}
            </button>
          )}
          <button type="button" className="link-btn" aria-expanded={why} aria-controls={hintId} onClick={() => setWhy(!why)}>
            {why ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden />}
            Why it matters
          </button>
          {suppressed ? (
            <button type="button" className="link-btn restore-btn" onClick={() => onRestore?.(finding)}>
              <RotateCcw size={12} aria-hidden /> Restore
            </button>
          ) : (
            onSuppress &&
            !suppressing && (
              <button type="button" className="link-btn" title="Set this finding aside, with a reason" onClick={() => setSuppressing(true)}>
                <EyeOff size={12} aria-hidden /> Suppress
              </button>
            )
          )}
        </div>
        <div className="finding-hint" id={hintId} hidden={!why}>
          {finding.hint}
          <span className="finding-rule">{finding.rule}</span>
          {why && <WhyItMatters rule={finding.rule} />}
        </div>
        {suppressing && onSuppress && (
          <SuppressForm
            alsoSuppresses={alsoSuppresses}
            onCancel={() => setSuppressing(false)}
            onSubmit={(reason) => onSuppress(finding, reason)}
          />
        )}
      </div>
    </li>
  );
});

function SuppressForm({
  alsoSuppresses,
  onSubmit,
  onCancel,
}: {
  alsoSuppresses: number;
  onSubmit(reason: string): string | null;
  onCancel(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const refused = onSubmit(reason);
    if (refused) setError(refused);
  };
  return (
    <form
      className="suppress-form"
      aria-label="Suppress finding"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>Why is this fine in your design?</label>
      <input
        id={id}
        type="text"
        value={reason}
        autoFocus
        placeholder="e.g. out of scope for this interview"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          if (error && e.target.value.trim()) setError(null);
        }}
      />
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
      {alsoSuppresses > 0 && (
        <p className="field-hint">
          This rule's findings have no components to tell them apart, so this also suppresses {alsoSuppresses} other
          {alsoSuppresses === 1 ? ' finding' : ' findings'} of the rule.
        </p>
      )}
      <div className="suppress-buttons">
        <button type="submit" className="btn btn-primary btn-sm">
          Suppress
        </button>
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
