/** A file the app refuses to open: where (a path like `nodes[3].kind`, or '' for the whole file) and why. */
export interface FormatError {
  path: string;
  problem: string;
  /** `path: problem`, or just the problem when there is no path: what the app and the CLI show. */
  message: string;
}

/** A FormatError whose message names the offending path. */
export function formatError(path: string, problem: string): FormatError {
  return { path, problem, message: path ? `${path}: ${problem}` : problem };
}
