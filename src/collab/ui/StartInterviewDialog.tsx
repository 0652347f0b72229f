import { Check, Copy } from 'lucide-react';
import { useId, useState } from 'react';
import type { DialogProps } from '../../ui/Dialogs';
import { Dialog } from '../../ui/Dialog';
import { useDiagramStore, useDiagramStoreApi } from '../../store/useDiagramStore';
import type { RoomRole } from '../../store/roomSlice';
import { ROLE_LABELS, roomUrl } from '../links';
import { createRoom, openRoom, savedName } from '../room';
import { useRoomView } from './useRoom';
import './room.css';

const WHAT: Record<RoomRole, string> = {
  candidate: 'draws and edits the design',
  interviewer: 'edits too, and has private notes, the rubric and the reference answer',
  observer: 'watches, read-only',
};

function LinkRow({ role, url }: { role: RoomRole; url: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="room-link">
      <label htmlFor={id}>
        <strong>{ROLE_LABELS[role]}</strong> <span className="muted">{WHAT[role]}</span>
      </label>
      <div className="room-link-row">
        <input id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={`${ROLE_LABELS[role]} link`} />
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />} {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

/** The three invite links of the open room (known to the browser that created it). */
export function RoomLinks() {
  const link = useRoomView((v) => v.link);
  const keys = useRoomView((v) => v.keys);
  if (!link || !keys) return <p className="muted">Only the browser that started this interview has its invite links.</p>;
  return (
    <div className="room-links">
      {(['candidate', 'interviewer', 'observer'] as const).map((role) =>
        keys[role] ? <LinkRow key={role} role={role} url={roomUrl({ roomId: link.roomId, role, key: keys[role]! })} /> : null,
      )}
      <p className="muted">Each link carries its own secret key; the server checks it on every connection. Anyone with a link can join in that role.</p>
    </div>
  );
}

/** "Start mock interview": turns the open design into a room on the sync server and shows its three links. */
export function StartInterviewDialog({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const inRoom = useDiagramStore((s) => s.room !== null);
  const practising = useDiagramStore((s) => !!s.practice && !s.practice.ended);
  const [name, setName] = useState(() => savedName() ?? '');
  const [role, setRole] = useState<RoomRole>(practising ? 'candidate' : 'interviewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();

  if (inRoom)
    return (
      <Dialog title="Invite to the mock interview" onClose={onClose} footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
        <RoomLinks />
      </Dialog>
    );

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await createRoom();
      const p = store.getState().practice;
      await openRoom(store, { roomId: created.id, role, key: created.tokens[role] }, {
        keys: created.tokens,
        fromOpenDesign: true,
        name: name.trim() || ROLE_LABELS[role],
        ...(p && !p.ended ? { clock: p.clock, templateId: p.templateId } : {}),
      });
      store.getState().notify('success', 'The mock interview room is open. Send the links below.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Start mock interview"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void start()}>
            {busy ? 'Starting…' : 'Start'}
          </button>
        </>
      }
    >
      <p>
        Practise with a partner on this design: both of you edit it live, with a shared timer. You get three links to
        send: candidate, interviewer and observer.
      </p>
      <label className="room-field" htmlFor={nameId}>
        <span>Your name</span>
        <input id={nameId} value={name} maxLength={40} placeholder={ROLE_LABELS[role]} onChange={(e) => setName(e.target.value)} data-autofocus />
      </label>
      <fieldset className="room-field">
        <legend>You are the</legend>
        {(['candidate', 'interviewer'] as const).map((r) => (
          <label key={r} className="room-radio">
            <input type="radio" name="room-role" checked={role === r} onChange={() => setRole(r)} /> {ROLE_LABELS[r].toLowerCase()}{' '}
            <span className="muted">({WHAT[r]})</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="room-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
