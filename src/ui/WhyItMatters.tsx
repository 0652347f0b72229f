import { lazy, Suspense } from 'react';
import type { RuleId } from '../domain/checker/types';

const RuleCardBody = lazy(() => import('./RuleCardBody'));

/** The "why it matters" card of a checker rule, loaded the first time a finding's toggle opens. */
export function WhyItMatters({ rule }: { rule: RuleId }) {
  return (
    <Suspense fallback={<p className="learn-loading">Loading…</p>}>
      <RuleCardBody rule={rule} />
    </Suspense>
  );
}
