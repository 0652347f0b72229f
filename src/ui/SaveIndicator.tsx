import { Check, LoaderCircle, TriangleAlert } from './uiIcons';
import { useId } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { useDiagramStore } from '../store/useDiagramStore';

interface Props {
  commands: AppCommands;
  ctx: AppContext | null;
}

/** Whether the open design is stored in this browser: "Saving…", "Saved", or a persistent "Not saved" with a way out. */
export function SaveIndicator({ commands, ctx }: Props) {
  const stored = useDiagramStore((s) => s.saveStatus);
  // Text typed and not committed yet is not saved yet either (it is committed when the page goes away).
  const typing = useDiagramStore((s) => s.drafts.size > 0);
  const status = typing && (stored === 'saved' || stored === 'idle') ? 'saving' : stored;
  const problem = useDiagramStore((s) => s.saveProblem);
  const detailId = useId();
  if (status === 'saving' || status === 'saved') {
    return (
      <span className="save-state" role="status" data-state={status}>
        {status === 'saving' ? <LoaderCircle size={13} aria-hidden /> : <Check size={13} aria-hidden />}
        <span>{status === 'saving' ? 'Saving…' : 'Saved'}</span>
      </span>
    );
  }
  if (status !== 'failed' && status !== 'conflict') return null;
  return (
    <div className="save-state save-state-failed" role="alert" data-state={status}>
      <span className="save-state-label" tabIndex={0} aria-describedby={detailId}>
        <TriangleAlert size={14} aria-hidden />
        <strong>Not saved</strong>
        <span className="save-why">{firstSentence(problem ?? '')}</span>
      </span>
      <span id={detailId} className="save-detail" role="tooltip">
        {problem}
      </span>
      <button type="button" className="btn btn-small" onClick={() => ctx && commands.run('save-file', ctx)}>
        Save a file
      </button>
    </div>
  );
}

/** The first sentence of a message, for the header (the whole message shows on hover and focus). */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end === -1 ? text : text.slice(0, end);
}
