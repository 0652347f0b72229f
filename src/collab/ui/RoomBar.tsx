import { ClipboardList, Link2, LogOut, Users } from 'lucide-react';
import { useEffect, useState } from 'react';
import { goToStep, pauseClock, resumeClock } from '../../domain/practiceClock';
import { useDiagramStoreApi } from '../../store/useDiagramStore';
import { StepTimer } from '../../ui/PracticeTimer';
import { ROLE_LABELS } from '../links';
import { leaveActiveRoom } from '../room';
import { InterviewerPanel } from './InterviewerPanel';
import { useRoom, useRoomView } from './useRoom';
import './room.css';

/** The room's bar over the canvas: one's role, the shared timer, the invite links, the interviewer's notes, Leave. */
export function RoomBar() {
  const store = useDiagramStoreApi();
  const room = useRoom();
  const role = useRoomView((v) => v.link.role);
  const clock = useRoomView((v) => v.clock);
  const ended = useRoomView((v) => v.ended) ?? false;
  const hasKeys = useRoomView((v) => v.keys !== null);
  const panelOpen = useRoomView((v) => v.panelOpen);
  const rubric = useRoomView((v) => v.rubric);
  const status = useRoomView((v) => v.status);
  const pending = useRoomView((v) => v.pending) ?? 0;
  const [now, setNow] = useState(() => Date.now());
  const running = !!clock && clock.runningSince !== null;
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running, clock]);
  if (!room || !role) return null;
  return (
    <>
      <section className="room-bar" aria-label="Mock interview">
        <span className="room-badge">
          <Users size={13} aria-hidden /> Mock interview
        </span>
        <span className="room-role">You: {ROLE_LABELS[role].toLowerCase()}</span>
        {(status === 'reconnecting' || status === 'offline') && (
          <span className="room-away" title="Your edits are kept in this browser and sent when the server is back.">
            {status === 'offline' ? 'Offline' : 'Reconnecting…'} edits kept{pending > 0 ? `, ${pending} waiting` : ''}
          </span>
        )}
        {clock && (
          <StepTimer
            clock={clock}
            ended={ended}
            now={now}
            readOnly={role === 'observer'}
            onStep={(i) => room.setClock((c, t) => goToStep(c, i, t))}
            onPause={() => room.setClock((c, t) => pauseClock(c, t))}
            onResume={() => room.setClock((c, t) => resumeClock(c, t))}
          />
        )}
        {rubric && role === 'candidate' && (
          <span className="room-rubric-chip" title="The interviewer shared the scored rubric; it is in the Markdown write-up (Export).">
            Rubric shared
          </span>
        )}
        <div className="room-actions">
          {hasKeys && (
            <button type="button" className="btn btn-small" onClick={() => store.getState().openDialog('room-links')}>
              <Link2 size={14} aria-hidden /> Invite links
            </button>
          )}
          {role === 'interviewer' && (
            <button type="button" className="btn btn-small" aria-pressed={!!panelOpen} onClick={() => room.togglePanel()}>
              <ClipboardList size={14} aria-hidden /> Interviewer notes
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => leaveActiveRoom()}>
            <LogOut size={14} aria-hidden /> Leave
          </button>
        </div>
      </section>
    </>
  );
}

/** The interviewer's panel, while open. */
export function RoomPanel() {
  const open = useRoomView((v) => v.panelOpen && v.link.role === 'interviewer');
  return open ? <InterviewerPanel /> : null;
}
