import { err, ok, type Result } from '../result';
import { formatError, type FormatError } from './errors';
import { Refusal, sanitizeJson, type JsonObject } from './json';

/**
 * The file format's version history. A file of an older version is upgraded one step at a time,
 * as plain JSON, before the parser validates it against the current version.
 *
 * To add version 2: set CURRENT_VERSION = 2, append `{ from: 1, to: 2, description, migrate }`
 * to MIGRATIONS, and add tests/fixtures/format/migrations/v1-to-v2/{input,expected}.json plus a
 * sample file tests/fixtures/format/versions/v2.json. The meta-tests in
 * tests/unit/format/migrations.test.ts fail until all of that exists.
 */

/** The version this build writes, and the newest it opens. */
export const CURRENT_VERSION = 1;

/** One upgrade step of the file format, from version `from` to version `to` = `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  /** What changed, in one line (shown in test names). */
  readonly description: string;
  /**
   * Upgrades a sanitised file object of version `from`. Never mutates its input (build new
   * objects), and copes with any JSON (the file is untrusted: validation comes after). The
   * machinery stamps `version: to` on the output, so a step need not.
   */
  migrate(input: Readonly<JsonObject>): JsonObject;
}

/** Every step from version 1 to CURRENT_VERSION, in order. Empty while only version 1 exists. */
export const MIGRATIONS: readonly Migration[] = [];

/** What is wrong with a migration chain (gaps, wrong order, wrong end); empty when it is sound. */
export function migrationChainProblems(steps: readonly Migration[], currentVersion: number): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(currentVersion) || currentVersion < 1) {
    problems.push(`the current version ${currentVersion} is not a positive integer`);
  }
  steps.forEach((step, i) => {
    const expectedFrom = i + 1;
    if (step.from !== expectedFrom) problems.push(`step ${i} goes from ${step.from}; expected ${expectedFrom}`);
    if (step.to !== step.from + 1) problems.push(`step ${i} goes from ${step.from} to ${step.to}; expected ${step.from + 1}`);
    if (!step.description.trim()) problems.push(`step ${i} has no description`);
  });
  const end = steps.length === 0 ? 1 : steps[steps.length - 1].to;
  if (end !== currentVersion) problems.push(`the chain ends at version ${end}, but the current version is ${currentVersion}`);
  return problems;
}

/** Upgrades a sanitised file object from `fromVersion` to `targetVersion` along `steps`. */
export function runMigrations(
  file: JsonObject,
  fromVersion: number,
  steps: readonly Migration[],
  targetVersion: number,
): Result<JsonObject, FormatError> {
  let current = file;
  let version = fromVersion;
  while (version < targetVersion) {
    const step = steps.find((s) => s.from === version);
    if (!step || step.to !== version + 1) {
      return err(formatError('version', `cannot upgrade a version ${version} file: no migration from version ${version}`));
    }
    try {
      current = { ...step.migrate(current), version: step.to };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return err(formatError('', `could not upgrade this file from version ${step.from} to ${step.to}: ${why}`));
    }
    version = step.to;
  }
  return ok(current);
}

/** Upgrades an untrusted file object of an older version to CURRENT_VERSION (as sanitised JSON). */
export function migrate(file: unknown, fromVersion: number): Result<JsonObject, FormatError> {
  let clean: JsonObject;
  try {
    const value = sanitizeJson(file, '');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return err(formatError('', 'not an mlsd-canvas file: expected a JSON object'));
    }
    clean = value;
  } catch (e) {
    if (e instanceof Refusal) return err(formatError(e.path, e.problem));
    return err(formatError('', `could not read this file: ${e instanceof Error ? e.message : String(e)}`));
  }
  return runMigrations(clean, fromVersion, MIGRATIONS, CURRENT_VERSION);
}
