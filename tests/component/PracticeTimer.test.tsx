import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/domain/diagram';
import { createDiagramStore } from '../../src/store/diagramStore';
import { PracticeTimer } from '../../src/ui/PracticeTimer';
import { renderWithStore } from './render';

const MIN = 60_000;
const reference: Diagram = { title: 'Fraud detection', problem: 'fraud', brief: 'Flag fraudulent payments.', nodes: [], edges: [], suppressions: [] };

/** A store whose practice session started `minutesAgo` minutes before the real clock. */
function practisingSince(minutesAgo: number) {
  let offset = minutesAgo * MIN;
  const store = createDiagramStore({ now: () => Date.now() - offset });
  store.getState().startPractice('fraud-detection', reference);
  offset = 0;
  return store;
}

describe('PracticeTimer', () => {
  it('shows seven steps with their suggested minutes, the first one current', () => {
    renderWithStore(<PracticeTimer />, practisingSince(0));
    const steps = within(screen.getByRole('list', { name: 'Interview steps' })).getAllByRole('button');
    expect(steps.map((s) => s.textContent)).toEqual(['1Requirements0:00', '2Framing5m', '3Data8m', '4Model8m', '5Evaluation5m', '6Serving9m', '7Monitoring5m']);
    expect(steps[0]).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('timer')).toHaveTextContent('0:00/ 45:00');
  });

  it('gives a gentle notice, once, when a step runs past its minutes', () => {
    const store = practisingSince(6);
    renderWithStore(<PracticeTimer />, store);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Clarify requirements has had its 5 minutes. When you can, wrap up and move on to Frame as an ML task.',
    ]);
    expect(screen.getAllByRole('button')[0]).toHaveClass('is-over');
    act(() => store.getState().pausePractice());
    act(() => store.getState().resumePractice());
    expect(store.getState().notices).toHaveLength(1);
  });

  it('says when the 45 minutes are up', () => {
    const store = practisingSince(46);
    renderWithStore(<PracticeTimer />, store);
    expect(store.getState().notices.map((n) => n.text)).toContain(
      'The 45 minutes are up. Finish your thought, then compare your design with the reference.',
    );
    expect(screen.getByRole('timer')).toHaveClass('is-over');
  });

  it('pauses, resumes and moves between steps from its buttons', async () => {
    const user = userEvent.setup();
    const store = practisingSince(1);
    renderWithStore(<PracticeTimer />, store);
    await user.click(screen.getByRole('button', { name: 'Pause timer' }));
    expect(store.getState().practice!.clock.runningSince).toBeNull();
    expect(screen.getByRole('timer')).toHaveTextContent('Paused');
    await user.click(screen.getByRole('button', { name: 'Resume timer' }));
    expect(store.getState().practice!.clock.runningSince).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(store.getState().practice!.clock.step).toBe(1);
    await user.click(screen.getByRole('button', { name: /^Step 6, Deployment and serving/ }));
    expect(store.getState().practice!.clock.step).toBe(5);
    expect(screen.getByRole('button', { name: /^Step 6, Deployment and serving/ })).toHaveAttribute('aria-current', 'step');
  });
});
