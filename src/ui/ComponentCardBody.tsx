import type { KindId } from '../domain/catalogue';
import { componentCard } from '../domain/content/componentCards';

/** A component's card: what it is, when to use it and not, trade-offs, interviewer follow-ups, tools. */
export default function ComponentCardBody({ kind }: { kind: KindId }) {
  const c = componentCard(kind);
  return (
    <div className="learn-body">
      <p className="learn-what">{c.what}</p>
      <div>
        <h4>When to use it</h4>
        <p>{c.whenToUse}</p>
      </div>
      <div>
        <h4>When not to</h4>
        <p>{c.whenNot}</p>
      </div>
      <div>
        <h4>Trade-offs</h4>
        <ul>
          {c.tradeoffs.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </div>
      <div>
        <h4>Interviewers ask</h4>
        <ul>
          {c.followUps.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </div>
      {c.tools.length > 0 && (
        <div>
          <h4>Tools</h4>
          <ul className="learn-tools">
            {c.tools.map((t) => (
              <li key={t.name}>
                <strong>{t.name}</strong>: {t.when}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
