import { BookOpen, GitCompareArrows, Search, Timer } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { beginPractice, openReference } from '../commands/practiceActions';
import { kindInfo } from '../domain/catalogue';
import { PROBLEM_LABELS, nodeLabel, type Diagram } from '../domain/diagram';
import { loadAllTemplates, TEMPLATE_IDS, type TemplateEntry } from '../io/templates';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';
import { DiagramPreview } from './DiagramPreview';

/** Components a user would count: everything but zones and notes. */
function componentCount(d: Diagram): number {
  return d.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note').length;
}

/** Text a search over a case study looks at: title, brief, problem, component names and tools. */
function searchText(d: Diagram): string {
  const parts = [d.title, d.brief ?? '', PROBLEM_LABELS[d.problem]];
  for (const n of d.nodes) {
    if (n.kind === 'group' || n.kind === 'note') continue;
    parts.push(nodeLabel(n), kindInfo(n.kind).label);
    if (typeof n.props.tool === 'string') parts.push(n.props.tool);
  }
  return parts.join('\n').toLowerCase();
}

/** The case-study gallery: a card per template with a preview, a search box, open as reference or practise. */
export default function TemplateGallery({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const hasDesign = useDiagramStore((s) => s.diagram.nodes.length > 0);
  const [entries, setEntries] = useState<(TemplateEntry & { text: string })[] | null>(null);
  const [failed, setFailed] = useState<string[]>([]);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    void loadAllTemplates().then((r) => {
      if (!live) return;
      setEntries(r.entries.map((e) => ({ ...e, text: searchText(e.diagram) })));
      setFailed(r.failed);
    });
    return () => {
      live = false;
    };
  }, []);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return entries?.filter((e) => words.every((w) => e.text.includes(w))) ?? null;
  }, [entries, query]);

  return (
    <Dialog title="Case studies" onClose={onClose} wide>
      <div className="gallery">
        <p className="gallery-intro muted">
          Reference answers to {TEMPLATE_IDS.length} classic ML system design questions. Open one to study it, or practise: a blank
          canvas, the brief, a 45-minute timer, then a comparison with the reference.
        </p>
        <label className="search gallery-search">
          <Search size={15} aria-hidden />
          <input
            type="search"
            placeholder="Search case studies, e.g. fraud, Flink, vector"
            aria-label="Search case studies"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {failed.length > 0 && (
          <p className="gallery-error" role="alert">
            {failed.length === 1 ? 'One case study' : `${failed.length} case studies`} could not be loaded ({failed.join(', ')}).
          </p>
        )}
        {shown && shown.length === 0 && <p className="muted gallery-empty">No case study matches “{query}”.</p>}
        <ul className="gallery-grid" aria-label="Case studies" aria-busy={!shown}>
          {shown
            ? shown.map(({ id, diagram }) => (
                <li key={id} className="gallery-card" data-template={id}>
                  <div className="gallery-preview">
                    <DiagramPreview diagram={diagram} label={`Preview of ${diagram.title}`} />
                  </div>
                  <div className="gallery-card-body">
                    <h3>{diagram.title}</h3>
                    <p className="gallery-meta">
                      {PROBLEM_LABELS[diagram.problem].toLowerCase() !== diagram.title.toLowerCase() && (
                        <span className="gallery-tag">{PROBLEM_LABELS[diagram.problem]}</span>
                      )}
                      <span>{componentCount(diagram)} components</span>
                    </p>
                    <p className="gallery-brief">{diagram.brief}</p>
                  </div>
                  <div className="gallery-actions">
                    <button
                      type="button"
                      className="btn"
                      aria-label={`Open ${diagram.title} as reference`}
                      onClick={() => openReference(store, diagram)}
                    >
                      <BookOpen size={15} aria-hidden /> Open as reference
                    </button>
                    <button
                      type="button"
                      className="btn btn-primary"
                      aria-label={`Practice ${diagram.title}`}
                      onClick={() => beginPractice(store, id, diagram)}
                    >
                      <Timer size={15} aria-hidden /> Practice
                    </button>
                    {hasDesign && (
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Compare my design with ${diagram.title}`}
                        title="Compare my design with this reference"
                        onClick={() => {
                          store.getState().openComparison({ templateId: id, reference: diagram });
                          onClose();
                        }}
                      >
                        <GitCompareArrows size={16} aria-hidden />
                      </button>
                    )}
                  </div>
                </li>
              ))
            : TEMPLATE_IDS.map((id) => <li key={id} className="gallery-card gallery-skeleton" aria-hidden />)}
        </ul>
      </div>
    </Dialog>
  );
}
