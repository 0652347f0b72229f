import { useId, useState, type ReactNode } from 'react';

/** Keeps a field's own text while the user types, and follows the store when it changes elsewhere (undo). */
function useSyncedText(value: string): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  const [prev, setPrev] = useState(value);
  if (value !== prev) {
    setPrev(value);
    setText(value);
  }
  return [text, setText];
}

interface TextProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  multiline?: boolean;
  options?: readonly string[];
  hint?: ReactNode;
}

/** A labelled text field (or text area) whose edits apply at once. */
export function TextField({ label, value, onChange, placeholder, multiline, options, hint }: TextProps) {
  const id = useId();
  const [text, setText] = useSyncedText(value);
  const change = (v: string) => {
    setText(v);
    onChange(v);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={text} placeholder={placeholder} rows={4} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          id={id}
          type="text"
          value={text}
          placeholder={placeholder}
          list={options?.length ? `${id}-list` : undefined}
          autoComplete="off"
          onChange={(e) => change(e.target.value)}
        />
      )}
      {options && options.length > 0 && (
        <datalist id={`${id}-list`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

interface NumberProps {
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Also accepts a percentage ("0.1%" is 0.001). */
  percent?: boolean;
  placeholder?: string;
  hint?: ReactNode;
}

/** A validated number field: empty clears the value; anything that is not a number shows an error and is not applied. */
export function NumberField({ label, value, onChange, unit, min = 0, max, integer, percent, placeholder, hint }: NumberProps) {
  const id = useId();
  const [text, setText] = useSyncedText(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const change = (raw: string) => {
    setText(raw);
    const t = raw.trim();
    if (!t) {
      setError(null);
      onChange(undefined);
      return;
    }
    const n = percent && t.endsWith('%') ? Number(t.slice(0, -1).trim()) / 100 : Number(t);
    if (!Number.isFinite(n)) setError(`${label} must be a number${percent ? ' or a percentage' : ''}.`);
    else if (n < min) setError(`${label} cannot be below ${min}.`);
    else if (max !== undefined && n > max) setError(`${label} cannot be above ${max}${percent ? ` (${max * 100} %)` : ''}.`);
    else if (integer && !Number.isInteger(n)) setError(`${label} must be a whole number.`);
    else {
      setError(null);
      onChange(n);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="field-unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
      {hint && !error && <p className="field-hint">{hint}</p>}
    </div>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange(value: T | ''): void;
  hint?: ReactNode;
}

/** A labelled select. */
export function SelectField<T extends string>({ label, value, options, onChange, hint }: SelectProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="field field-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
