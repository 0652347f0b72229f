import { PROBLEM_IDS, PROBLEM_LABELS, type ProblemId } from '../domain/diagram';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

/** The diagram's problem (its profile adds required components to the check), in the header. */
export function ProblemSelect() {
  const store = useDiagramStoreApi();
  const problem = useDiagramStore((s) => s.diagram.problem);
  return (
    <label className="problem-select" title="The problem profile adds the components a strong answer needs to the check">
      <span>Problem</span>
      <select value={problem} onChange={(e) => store.getState().setProblem(e.target.value as ProblemId)}>
        {PROBLEM_IDS.map((id) => (
          <option key={id} value={id}>
            {PROBLEM_LABELS[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
