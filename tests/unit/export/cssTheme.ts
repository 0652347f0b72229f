import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The app's theme colours as styles.css declares them: the custom properties of `:root` (light)
 * and of `[data-theme='dark']` over them (dark). The exported pictures are tested against these.
 */
export function themeVars(): { light: Record<string, string>; dark: Record<string, string> } {
  const css = readFileSync(resolve(import.meta.dirname, '../../../src/styles.css'), 'utf8');
  const block = (selector: RegExp) => {
    const out: Record<string, string> = {};
    for (const m of css.matchAll(new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`, 'g')))
      for (const d of m[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]] = d[2].trim();
    return out;
  };
  const light = block(/(?:^|\n):root/);
  return { light, dark: { ...light, ...block(/\[data-theme='dark'\]/) } };
}

/** A CSS var(--x) reference resolved against a theme. */
export function resolveVar(value: string, vars: Record<string, string>): string {
  const m = /^var\((--[\w-]+)\)$/.exec(value);
  return m ? vars[m[1]] : value;
}
