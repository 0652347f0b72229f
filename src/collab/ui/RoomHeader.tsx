import { CloudOff, Eye, LoaderCircle, Wifi } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS } from '../links';
import type { Peer, RoomStatus } from '../room';
import { useRoom, useRoomView } from './useRoom';
import './room.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

const STATUS_TEXT: Record<RoomStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  gone: 'Room closed',
  denied: 'Link refused',
};

/** The connection to the room: Connected / Reconnecting / Offline, and how many own edits wait for the server. */
function ConnectionState() {
  const status = useRoomView((v) => v.status) ?? 'connecting';
  const pending = useRoomView((v) => v.pending) ?? 0;
  const waiting = status !== 'connected' && pending > 0;
  const Icon = status === 'connected' ? Wifi : status === 'offline' || status === 'gone' || status === 'denied' ? CloudOff : LoaderCircle;
  const kept = status !== 'connected' && status !== 'connecting' ? (waiting ? `edits kept, ${pending} waiting` : 'edits kept') : '';
  const full = `${STATUS_TEXT[status]}${kept ? `, ${kept}` : ''}`;
  return (
    <span
      className="room-connection"
      data-status={status}
      role="status"
      aria-label={full}
      title={`${full}. ${status === 'connected' ? 'Every change is shared with the room.' : 'Your edits are kept in this browser and sent when the connection is back.'}`}
    >
      <Icon size={13} aria-hidden />
      <span className="room-status-text">{STATUS_TEXT[status]}</span>
      {kept && <span className="room-waiting">{kept}</span>}
      {waiting && (
        <span className="room-waiting-count" aria-hidden>
          {pending}
        </span>
      )}
    </span>
  );
}

function Avatar({ peer, following, onFollow }: { peer: Peer; following: boolean; onFollow(): void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <div className="room-avatar-wrap" ref={ref}>
      <button
        type="button"
        className={`room-avatar${following ? ' is-following' : ''}`}
        style={{ background: peer.color }}
        aria-label={`${peer.name}, ${ROLE_LABELS[peer.role].toLowerCase()}${following ? ' (following)' : ''}`}
        aria-expanded={open}
        title={`${peer.name} (${ROLE_LABELS[peer.role]})`}
        onClick={() => setOpen(!open)}
      >
        {initials(peer.name)}
      </button>
      {open && (
        <div className="room-avatar-menu" role="menu">
          <div className="room-avatar-name">
            <strong>{peer.name}</strong> <span className="muted">{ROLE_LABELS[peer.role]}</span>
          </div>
          <button
            type="button"
            role="menuitem"
            className="btn btn-small"
            onClick={() => {
              setOpen(false);
              onFollow();
            }}
          >
            <Eye size={14} aria-hidden /> {following ? 'Stop following' : `Follow ${peer.name}`}
          </button>
        </div>
      )}
    </div>
  );
}

/** The header's part of a room: who is here (avatars in their colours; Follow), and the connection. */
export function RoomHeader() {
  const room = useRoom();
  const peers = useRoomView((v) => v.peers) ?? [];
  const me = useRoomView((v) => v.me);
  const following = useRoomView((v) => v.following);
  if (!room || !me) return null;
  return (
    <div className="room-header" aria-label="People in this room" role="group">
      <ConnectionState />
      <div className="room-avatars">
        {peers.map((p) => (
          <Avatar key={p.clientId} peer={p} following={following === p.clientId} onFollow={() => room.follow(following === p.clientId ? null : p.clientId)} />
        ))}
        <span className="room-avatar is-me" style={{ background: me.color }} title={`${me.name} (you)`} aria-label={`${me.name} (you)`}>
          {initials(me.name)}
        </span>
      </div>
    </div>
  );
}
