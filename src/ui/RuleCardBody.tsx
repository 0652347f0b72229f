import type { RuleId } from '../domain/checker/types';
import { ruleCard } from '../domain/content/ruleCards';

/** A rule's card: the failure it prevents, a real pattern of it, how strong answers avoid it, what to study. */
export default function RuleCardBody({ rule }: { rule: RuleId }) {
  const c = ruleCard(rule);
  return (
    <div className="rule-card" aria-label="Why it matters">
      <p className="rule-card-title">{c.title}</p>
      <p>
        <strong>What goes wrong.</strong> {c.failure}
      </p>
      <p>
        <strong>Seen in practice.</strong> {c.example}
      </p>
      <p>
        <strong>Strong answers.</strong> {c.strongAnswer}
      </p>
      <p className="rule-card-study">
        <strong>Study:</strong> {c.study.join(' · ')}
      </p>
    </div>
  );
}
