import { FileUp } from './uiIcons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { openChosenFile } from '../commands/fileCommands';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
const isJson = (f: File) => /\.json$/i.test(f.name) || f.type === 'application/json';

/** Wraps the canvas: a `.json` file dropped on it opens as a new design (a refused file leaves the diagram as it was). */
export function FileDrop({ children }: { children: ReactNode }) {
  const store = useDiagramStoreApi();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const files = [...e.dataTransfer.files];
    const file = files.find(isJson);
    if (!file) {
      if (files.length) store.getState().notify('error', `“${files[0].name}” is not a diagram file: drop a .json file saved by mlsd-canvas.`);
      return;
    }
    openChosenFile(store, file);
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
          <span>Drop a .json file to open it as a new design</span>
        </div>
      )}
    </div>
  );
}
