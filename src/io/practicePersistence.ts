import { pauseClock, type PracticeClock } from '../domain/practiceClock';
import type { Hint } from '../domain/practiceHints';
import type { DiagramState, DiagramStore } from '../store/diagramStore';
import { loadTemplate } from './templates';

const KEY = 'mlsd-canvas:practice';
/** A page back within this time of closing was reloaded, not left: its running timer keeps running. */
export const RELOAD_GRACE_MS = 5 * 60_000;

/** What is kept of a practice session between visits (the reference is loaded again from its template). */
interface SavedPractice {
  designId: string;
  templateId: string;
  title: string;
  brief: string;
  clock: PracticeClock;
  hints: Hint[];
  overrunNoticed: number[];
  timeUpNoticed: boolean;
  ended: boolean;
  findingsHidden: boolean;
  savedAt: number;
}

function read(): SavedPractice | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SavedPractice> | null;
    if (!raw || typeof raw.designId !== 'string' || typeof raw.templateId !== 'string' || !raw.clock || !Array.isArray(raw.clock.spent))
      return null;
    return raw as SavedPractice;
  } catch {
    return null;
  }
}

function write(s: DiagramState, now: number): void {
  try {
    const p = s.practice;
    if (!p) {
      localStorage.removeItem(KEY);
      return;
    }
    const { reference: _reference, ...rest } = p;
    const saved: SavedPractice = { ...rest, findingsHidden: s.findingsHidden, savedAt: now };
    localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage refused: the session lasts for this visit.
  }
}

/**
 * Keeps the practice session in this browser, so that a reload (or a return later) on the practice
 * design resumes it: same case study, step times and hints; a running timer runs on through a reload
 * (back within RELOAD_GRACE_MS), and waits where the page closed after a longer absence. The design itself
 * comes back through autosave.
 */
export function bindPracticePersistence(store: DiagramStore, now: () => number = Date.now): () => void {
  let restoring = false;
  const tryRestore = async () => {
    const saved = read();
    if (restoring || !saved || store.getState().practice || saved.designId !== store.getState().designId) return;
    restoring = true;
    const r = await loadTemplate(saved.templateId);
    restoring = false;
    const s = store.getState();
    if (!r.ok || s.practice || s.designId !== saved.designId) return;
    const { findingsHidden, savedAt, ...session } = saved;
    // A reload is part of the interview: a running timer runs on (the seconds of the reload count, as they
    // would on a clock on the wall). Back after a longer absence, the timer waits where the page closed.
    const running = session.clock.runningSince !== null && !session.ended;
    const keepRunning = running && now() - savedAt <= RELOAD_GRACE_MS;
    s.restorePractice({ ...session, reference: r.value, clock: keepRunning ? session.clock : pauseClock(session.clock, savedAt) }, findingsHidden);
    if (!session.ended)
      s.notify('info', keepRunning ? `Practice on “${session.title}” is back; the timer kept running.` : `Practice on “${session.title}” is back where you left it; the timer is paused.`);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.practice !== prev.practice || s.findingsHidden !== prev.findingsHidden) {
      // A session that ended because its design closed is forgotten; one not yet restored is kept.
      if (s.practice || prev.practice) write(s, now());
    }
    if (s.designId !== prev.designId) void tryRestore();
  });
  const onHide = () => {
    if (store.getState().practice) write(store.getState(), now());
  };
  window.addEventListener('pagehide', onHide);
  void tryRestore();
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
  };
}
