import { useId, useRef, useState } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';

const EXAMPLE = `flowchart LR
  events[(Kafka)] --> features[Feature store]
  features --> ranker[Ranking model]`;

/** Paste Mermaid flowchart text; it is read with Mermaid's parser and shows its import summary (or why it cannot be read). */
export function MermaidImportDialog({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  const read = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const flow = await import('../io/importFlow');
      const problem = await flow.importMermaidText(store, text);
      // On success the import summary has taken this dialog's place.
      if (problem) setError(problem);
    } catch (e) {
      setError(`The import code could not be loaded (${e instanceof Error ? e.message : String(e)}); check the connection and try again.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Import Mermaid text"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!text.trim() || busy} onClick={() => void read()}>
            {busy ? 'Reading…' : 'Import'}
          </button>
        </>
      }
    >
      <label htmlFor={id} className="share-label">
        Paste a Mermaid <code>flowchart</code> or <code>graph</code>: nodes become components, subgraphs zones, links connections.
      </label>
      <textarea
        id={id}
        ref={field}
        className="share-url mermaid-text"
        rows={10}
        spellCheck={false}
        placeholder={EXAMPLE}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void read();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="import-error" role="alert">
          Could not import it: {error}
        </p>
      )}
    </Dialog>
  );
}
