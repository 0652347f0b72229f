import { findingKey } from '../domain/checker/keys';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { useNodeFindings } from '../store/useFindings';
import { SEVERITY_ICON } from './severityIcons';

/** The findings that name a component, at the top of its inspector, with a way to the full list. */
export function NodeFindings({ id }: { id: string }) {
  const store = useDiagramStoreApi();
  const findings = useNodeFindings(id);
  if (!findings.length) return null;
  return (
    <div className="node-findings" role="group" aria-label="Findings on this component">
      <ul>
        {findings.map((f) => {
          const Icon = SEVERITY_ICON[f.severity];
          return (
            <li key={findingKey(f)} className={`node-finding node-finding-${f.severity}`} data-rule={f.rule}>
              <Icon size={14} aria-hidden />
              <span>
                <span className="sr-only">{f.severity}:</span> {f.message}
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="link-btn" onClick={() => store.getState().showSidePanel('findings')}>
        All findings
      </button>
    </div>
  );
}
