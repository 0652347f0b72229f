import type { StateCreator } from 'zustand/vanilla';
import type { Diagram } from '../domain/diagram';
import { goToStep, pauseClock, resumeClock, startClock, type PracticeClock } from '../domain/practiceClock';
import type { Hint } from '../domain/practiceHints';
import type { DiagramState, IdGenerator } from './diagramStore';

/** A practice interview in progress: the case study, the timer and the hints given so far. */
export interface PracticeSession {
  templateId: string;
  /** The design practice runs on; leaving it (Undo, another design) ends practice. */
  designId: string;
  /** The case study's title and brief (the interview question). */
  title: string;
  brief: string;
  /** The reference answer the design is compared with at the end. */
  reference: Diagram;
  clock: PracticeClock;
  hints: Hint[];
  /** Steps whose overrun has been pointed out once already. */
  overrunNoticed: number[];
  timeUpNoticed: boolean;
  /** True once the user ends the session (the timer stops; the bar stays until closed). */
  ended: boolean;
}

/** The reference the compare panel shows the design against. */
export interface ComparisonTarget {
  templateId: string;
  reference: Diagram;
}

export interface PracticeSlice {
  practice: PracticeSession | null;
  /** True while the findings panel must not show findings (practice mode, until the user asks for a check). */
  findingsHidden: boolean;
  /** The open compare panel's reference, or null when it is closed. */
  comparison: ComparisonTarget | null;
  /** True once the user chose "Start blank" on the empty canvas. */
  startPanelDismissed: boolean;
  /**
   * Starts practice on a case study: a new design with its brief and an empty requirements card, opened
   * by `open` (by default replaceDiagram, one undo step; the app opens it as a new design).
   */
  startPractice(templateId: string, reference: Diagram, open?: (d: Diagram) => string): void;
  /** Puts back a session saved before a reload (its design must be the open one). */
  restorePractice(session: PracticeSession, findingsHidden: boolean): void;
  pausePractice(): void;
  resumePractice(): void;
  /** Moves the timer to another step (index in STAGES). */
  setPracticeStep(step: number): void;
  addHint(hint: Hint): void;
  /** Records that a step's overrun notice was shown. */
  markOverrunNoticed(step: number): void;
  markTimeUpNoticed(): void;
  /** Stops the timer and opens the comparison with the reference. */
  endPractice(): void;
  /** Leaves practice mode; findings show again. */
  closePractice(): void;
  setFindingsHidden(hidden: boolean): void;
  openComparison(target: ComparisonTarget): void;
  closeComparison(): void;
  dismissStartPanel(): void;
}

/** The practice slice of the store (practice session, hidden findings, compare panel, start panel). */
export const practiceSlice =
  (newId: IdGenerator, now: () => number): StateCreator<DiagramState, [], [], PracticeSlice> =>
  (set, get) => {
    const updateSession = (f: (p: PracticeSession) => PracticeSession) => {
      const p = get().practice;
      if (p) set({ practice: f(p) });
    };
    return {
      practice: null,
      findingsHidden: false,
      comparison: null,
      startPanelDismissed: false,

      startPractice(templateId, reference, open = (d) => get().replaceDiagram(d)) {
        const cardId = newId('n');
        const diagram: Diagram = {
          title: `Practice: ${reference.title}`,
          problem: reference.problem,
          ...(reference.brief ? { brief: reference.brief } : {}),
          nodes: [{ id: cardId, kind: 'requirements', position: { x: 0, y: 0 }, props: {} }],
          edges: [],
          suppressions: [],
        };
        const designId = open(diagram);
        set({
          practice: {
            templateId,
            designId,
            title: reference.title,
            brief: reference.brief ?? '',
            reference,
            clock: startClock(now()),
            hints: [],
            overrunNoticed: [],
            timeUpNoticed: false,
            ended: false,
          },
          findingsHidden: true,
          comparison: null,
          selection: { nodes: [cardId], edges: [] },
        });
      },
      restorePractice: (session, findingsHidden) => set({ practice: session, findingsHidden }),
      pausePractice: () => updateSession((p) => ({ ...p, clock: pauseClock(p.clock, now()) })),
      resumePractice: () => updateSession((p) => (p.ended ? p : { ...p, clock: resumeClock(p.clock, now()) })),
      setPracticeStep: (step) => updateSession((p) => ({ ...p, clock: goToStep(p.clock, step, now()) })),
      addHint: (hint) => updateSession((p) => ({ ...p, hints: [...p.hints, hint] })),
      markOverrunNoticed: (step) =>
        updateSession((p) => (p.overrunNoticed.includes(step) ? p : { ...p, overrunNoticed: [...p.overrunNoticed, step] })),
      markTimeUpNoticed: () => updateSession((p) => ({ ...p, timeUpNoticed: true })),
      endPractice() {
        const p = get().practice;
        if (!p) return;
        set({
          practice: { ...p, ended: true, clock: pauseClock(p.clock, now()) },
          comparison: { templateId: p.templateId, reference: p.reference },
        });
      },
      closePractice: () => set({ practice: null, findingsHidden: false }),
      setFindingsHidden: (hidden) => set({ findingsHidden: hidden }),
      openComparison: (target) => set({ comparison: target }),
      closeComparison: () => set({ comparison: null }),
      dismissStartPanel: () => set({ startPanelDismissed: true }),
    };
  };
