import type { AppCommands, AppContext } from './appCommands';
import { lazyActions } from './lazyActions';

/** The hint logic and its content load on first use. */
const hints = lazyActions(() => import('../domain/practiceHints'), 'the practice hints');

const practising = ({ store }: AppContext) => {
  const p = store.getState().practice;
  return !!p && !p.ended;
};

/** Case studies, practice mode and the comparison with a reference answer. */
export function registerPracticeCommands(r: AppCommands): void {
  r.register({
    id: 'open-templates',
    name: 'Templates',
    group: 'Case studies',
    run: ({ store }) => store.getState().openDialog('templates'),
  });
  r.register({
    id: 'start-practice',
    name: 'Practice an interview…',
    group: 'Case studies',
    run: ({ store }) => store.getState().openDialog('templates'),
  });
  r.register({
    id: 'practice-hint',
    name: 'Practice: next hint',
    group: 'Case studies',
    run: hints.run((m, { store }) => {
      const { practice, diagram, addHint } = store.getState();
      if (practice) addHint(m.nextHint(diagram, practice.reference, practice.hints));
    }),
    enabled: practising,
  });
  r.register({
    id: 'practice-check',
    name: 'Practice: check my design',
    group: 'Case studies',
    run: ({ store }) => {
      const s = store.getState();
      s.setFindingsHidden(!s.findingsHidden);
      // Asking for a check shows its findings.
      if (s.findingsHidden) s.showSidePanel('findings');
    },
    enabled: ({ store }) => !!store.getState().practice,
  });
  r.register({
    id: 'practice-pause',
    name: 'Practice: pause or resume the timer',
    group: 'Case studies',
    run: ({ store }) => {
      const s = store.getState();
      if (s.practice?.clock.runningSince === null) s.resumePractice();
      else s.pausePractice();
    },
    enabled: practising,
  });
  r.register({
    id: 'practice-next-step',
    name: 'Practice: next step',
    group: 'Case studies',
    run: ({ store }) => {
      const s = store.getState();
      if (s.practice) s.setPracticeStep(s.practice.clock.step + 1);
    },
    enabled: (ctx) => practising(ctx) && ctx.store.getState().practice!.clock.step < 6,
  });
  r.register({
    id: 'compare-with-reference',
    name: 'Compare with reference',
    group: 'Case studies',
    run: ({ store }) => {
      const s = store.getState();
      if (s.practice) s.openComparison({ templateId: s.practice.templateId, reference: s.practice.reference });
      else s.openDialog('templates');
    },
  });
  r.register({
    id: 'end-practice',
    name: 'Practice: end and compare',
    group: 'Case studies',
    run: ({ store }) => store.getState().endPractice(),
    enabled: practising,
  });
}
