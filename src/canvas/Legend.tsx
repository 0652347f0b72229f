import { Panel } from '@xyflow/react';
import { useState } from 'react';
import { EDGE_KINDS, EDGE_KIND_INFO } from '../domain/diagram';
import { STAGES } from '../domain/stages';
import { EDGE_STYLES } from './edgeStyles';
import { ChevronDown, ChevronRight } from '../ui/uiIcons';

const KEY = 'mlsd-canvas:legend-open';

/** The key to stage colours and edge line styles; collapsible, remembered across visits. */
export function Legend() {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== '0';
    } catch {
      return true;
    }
  });
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(KEY, open ? '0' : '1');
    } catch {
      /* storage unavailable: the choice lasts for this visit */
    }
  };
  return (
    <Panel position="top-right" className="legend" aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={toggle}>
        {open ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden />}
        Legend
      </button>
      {open && (
        <div className="legend-body">
          <ul className="legend-list" aria-label="Stage colours">
            {STAGES.map((s) => (
              <li key={s.id}>
                <span className="legend-swatch" style={{ background: s.color }} aria-hidden />
                {s.step}. {s.short}
              </li>
            ))}
          </ul>
          <ul className="legend-list" aria-label="Edge kinds">
            {EDGE_KINDS.map((k) => (
              <li key={k} title={EDGE_KIND_INFO[k].description}>
                <svg width="30" height="10" aria-hidden>
                  <line
                    x1="1" y1="5" x2="29" y2="5"
                    style={{
                      stroke: EDGE_STYLES[k].color,
                      strokeWidth: EDGE_STYLES[k].width,
                      strokeDasharray: EDGE_STYLES[k].dash,
                      strokeLinecap: k === 'feedback' ? 'round' : undefined,
                    }}
                  />
                </svg>
                {EDGE_KIND_INFO[k].label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
