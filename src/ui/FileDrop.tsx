import { FileUp } from './uiIcons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { openChosenFile } from '../commands/fileCommands';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/**
 * Wraps the canvas: a file dropped on it opens as a new design: our `.json`, a PNG or SVG we
 * exported, or (after its summary) an Excalidraw, draw.io or Mermaid file. A refused file leaves
 * the diagram as it was.
 */
export function FileDrop({ children }: { children: ReactNode }) {
  const store = useDiagramStoreApi();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) openChosenFile(store, file);
  };
  return (
    <div
      className="file-drop"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (!depth.current) setOver(false);
      }}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <div className="file-drop-hint" aria-hidden>
          <FileUp size={22} />
          <span>Drop a design to open it: .json, an exported PNG or SVG, Excalidraw, draw.io or Mermaid</span>
        </div>
      )}
    </div>
  );
}
