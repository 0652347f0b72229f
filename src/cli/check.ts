/**
 * The command-line checker (domain.md section 8): `npm run check -- FILE.json [--json]`.
 * Reads a saved diagram, parses it with the app's parser, runs the checker and prints the
 * findings grouped by stage (or JSON with `--json`). Exit status: 0 when no unsuppressed
 * error remains, 1 when one does, 2 when the file cannot be read or is not a valid diagram,
 * or the command line is wrong. Uses only node: built-ins besides the domain code.
 */
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBySeverity, runChecks } from '../domain/checker/runChecks';
import type { CheckResult, Finding } from '../domain/checker/types';
import type { Diagram } from '../domain/diagram';
import { decodeDiagramBytes, MAX_FILE_READ_BYTES } from '../domain/format/encoding';
import { MAX_FILE_BYTES, parseDiagramText } from '../domain/format/parse';
import { STAGES, STAGE_IDS, type StageId } from '../domain/stages';
import { needsImporter } from '../io/fileKind';
import { readImport } from './importInput';

/** Output width of the human report. */
export const WIDTH = 80;

export const USAGE = `Usage: npm run check -- FILE.json [--json] [--page NAME]

Checks a saved mlsd-canvas diagram for missing stages and known failure
modes, and prints the findings grouped by stage. FILE may also be a PNG or
SVG exported by mlsd-canvas, or an Excalidraw (.excalidraw), draw.io
(.drawio, .xml) or Mermaid flowchart (.mmd) file, imported as the app does.

  --json       print { "findings", "suppressed", "stages" } as JSON instead
  --page NAME  the page of a draw.io file to check (default: the first)
  -h, --help   show this help

Exit status: 0 when no unsuppressed error remains, 1 when one does, 2 when
the file cannot be read or is not a valid diagram.`;

/** Exit codes of the checker. */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

/** What the command line asked for, or why it cannot be understood. */
export type Args = { help: true } | { help: false; file: string; json: boolean; page?: string } | { error: string };

/** Parses the command-line arguments (without node and the script). */
export function parseArgs(argv: readonly string[]): Args {
  let json = false;
  let page: string | undefined;
  const files: string[] = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (rest) files.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '--json') json = true;
    else if (arg === '--page') {
      if (i + 1 >= argv.length) return { error: '--page needs a page name' };
      page = argv[++i];
    }
    else if (arg === '-h' || arg === '--help') return { help: true };
    else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { error: 'no file given' };
  if (files.length > 1) return { error: `one file at a time (got ${files.length})` };
  return page === undefined ? { help: false, file: files[0], json } : { help: false, file: files[0], json, page };
}

/** The JSON report: findings, suppressed findings each with its reason, stage coverage. */
export function jsonReport(result: CheckResult): {
  findings: Finding[];
  suppressed: (Finding & { reason: string })[];
  stages: Record<StageId, boolean>;
} {
  return {
    findings: result.findings,
    suppressed: result.suppressed.map((s) => ({ ...s.finding, reason: s.reason })),
    stages: result.stages,
  };
}

/** The human report: a header, findings grouped by stage, suppressed findings, a summary; no line over WIDTH columns. */
export function humanReport(file: string, diagram: Diagram, result: CheckResult): string {
  const out: string[] = [];
  // Lines are appended one by one: a long label wraps into ~100,000 lines, too many for one push(...lines).
  const add = (lines: readonly string[]) => {
    for (const line of lines) out.push(line);
  };
  const covered = STAGE_IDS.filter((s) => result.stages[s]).length;
  const title = diagram.title ? ` "${clean(diagram.title)}"` : '';
  add(wrap(`${clean(file)}${title}: ${covered}/${STAGE_IDS.length} stages`, '', '  '));

  const groups: { title: string; findings: Finding[] }[] = [
    ...STAGES.map((s) => ({ title: `${s.step}. ${s.name}`, findings: result.findings.filter((f) => f.stage === s.id) })),
    { title: 'Other', findings: result.findings.filter((f) => !f.stage) },
  ];
  for (const group of groups) {
    if (group.findings.length === 0) continue;
    out.push('', group.title);
    for (const f of group.findings) add(findingLines(f));
  }
  if (result.findings.length === 0) out.push('', 'No findings: the design passes every check.');
  if (result.suppressed.length > 0) {
    out.push('', 'Suppressed');
    for (const s of result.suppressed) {
      add(findingLines(s.finding));
      add(wrap(`reason: ${clean(s.reason)}`, INDENT, INDENT));
    }
  }
  out.push('', summary(result));
  return out.join('\n') + '\n';
}

const SEVERITY_WIDTH = 7; // "warning"
const INDENT = ' '.repeat(2 + SEVERITY_WIDTH + 1);

function findingLines(f: Finding): string[] {
  return wrap(`${f.rule}: ${clean(f.message)}`, `  ${f.severity.padEnd(SEVERITY_WIDTH)} `, INDENT);
}

/** "2 errors, 3 warnings, 1 suppressed" (info only when there is some). */
export function summary(result: CheckResult): string {
  const c = countBySeverity(result.findings);
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.info > 0) parts.push(`${c.info} info`);
  parts.push(`${result.suppressed.length} suppressed`);
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The JSON report as text: the same JSON, with the characters a terminal may act on (C1 controls such
 * as U+009B, which starts an escape sequence in 8-bit terminals; line and paragraph separators; bidi
 * overrides) written as \\u escapes, as the text report strips them. JSON.stringify escapes C0 itself.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** User text made safe for one terminal line: control characters (newlines, escapes) become spaces. */
function clean(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Terminal columns of one code point: 0 for combining marks, 2 for wide East Asian and emoji. */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (/[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u.test(ch)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Terminal columns of a string. */
export function columns(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Wraps text to WIDTH columns: the first line starts with `first`, the others with `rest`;
 * words too long for a line (a long path or label) are broken.
 */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let lineWidth = columns(first);
  let empty = true;
  const push = () => {
    lines.push(line.trimEnd());
    line = rest;
    lineWidth = columns(rest);
    empty = true;
  };
  for (const word of text.split(' ').filter(Boolean)) {
    const w = columns(word);
    if (!empty && lineWidth + 1 + w > width) push();
    if (!empty) {
      line += ' ';
      lineWidth += 1;
    }
    if (lineWidth + w <= width) {
      line += word;
      lineWidth += w;
    } else {
      // Break a word longer than a whole line, code point by code point.
      for (const ch of word) {
        const cw = charWidth(ch);
        if (lineWidth + cw > width && !empty) push();
        line += ch;
        lineWidth += cw;
        empty = false;
      }
    }
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Where the user's relative path points: npm runs scripts in the package root, INIT_CWD keeps the caller's folder. */
function resolveFile(file: string): string {
  const env = process.env;
  const base = env.npm_lifecycle_event === 'check' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
  return resolve(base, file);
}

/** Reads the file as text, or says why it cannot be read. */
function readText(file: string): { text: string } | { error: string } {
  const path = resolveFile(file);
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: 'cannot read the file: it is a directory' };
    if (!st.isFile()) return { error: 'cannot read the file: it is not a regular file' };
    // The parser refuses text over MAX_FILE_BYTES; never load a file far beyond that (the app reads as much).
    if (st.size > MAX_FILE_READ_BYTES) {
      return { error: `the file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; the app opens files up to that size` };
    }
    return { text: decodeDiagramBytes(readFileSync(path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    return { error: `cannot read the file: ${why}` };
  }
}

/** Runs the checker on the command line; returns the exit code. */
export async function main(argv: readonly string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(`check: ${args.error}\n\n${USAGE}\n`);
    return EXIT.unusable;
  }
  if (args.help) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  let diagram: Diagram;
  if (isImport(args.file)) {
    // Excalidraw, draw.io, Mermaid, and our own PNG and SVG: read by the app's importers.
    const imported = await readImport(resolveFile(args.file), args.file, args.page);
    if ('error' in imported) {
      io.err(`${clean(args.file)}: ${clean(imported.error)}\n`);
      return EXIT.unusable;
    }
    if (imported.note) io.err(`${wrap(`${clean(args.file)}: ${clean(imported.note)}`, '', '  ').join('\n')}\n`);
    diagram = imported.diagram;
  } else {
    const read = readText(args.file);
    if ('error' in read) {
      io.err(`${clean(args.file)}: ${read.error}\n`);
      return EXIT.unusable;
    }
    const parsed = parseDiagramText(read.text);
    if (!parsed.ok) {
      io.err(`${clean(args.file)}: ${parsed.error.message}\n`);
      return EXIT.unusable;
    }
    diagram = parsed.value;
  }
  const result = runChecks(diagram);
  io.out(args.json ? `${jsonText(jsonReport(result))}\n` : humanReport(args.file, diagram, result));
  return result.findings.some((f) => f.severity === 'error') ? EXIT.errors : EXIT.ok;
}

/** True when the file goes through the importers: by its name, or by its first bytes. */
function isImport(file: string): boolean {
  const path = resolveFile(file);
  let head = new Uint8Array(0);
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = new Uint8Array(512);
      head = buffer.subarray(0, readSync(fd, buffer, 0, 512, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Unreadable: readText says why.
  }
  return needsImporter(file, head);
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // A closed pipe (e.g. `| head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  try {
    main(process.argv.slice(2)).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        process.stderr.write(`check: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = EXIT.unusable;
      },
    );
  } catch (e) {
    process.stderr.write(`check: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.unusable;
  }
}
