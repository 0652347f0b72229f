/**
 * JSON plumbing shared by the parser, the serializer and the migrations: value types,
 * the keys we never copy, path formatting, and a sanitising deep copy of untrusted values.
 */

export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Keys that could reach Object.prototype when copied: dropped wherever they appear. */
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True for `__proto__`, `constructor` and `prototype`, which the format drops at any depth. */
export function isDangerousKey(key: string): boolean {
  return DANGEROUS_KEYS.has(key);
}

/** Deepest nesting accepted inside a free-form value (unknown props): stops stack exhaustion. */
export const MAX_JSON_DEPTH = 64;

/**
 * A refusal raised deep inside the validator and caught at the API boundary, where it becomes
 * a FormatError. Never escapes an exported function of this folder.
 */
export class Refusal {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
}

/** Raises a refusal at `path` (caught by the exported parse functions). */
export function refuse(path: string, problem: string): never {
  throw new Refusal(path, problem);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a property below `base`: `base.key`, or `base["odd key"]` when key is not an identifier. */
export function keyPath(base: string, key: string): string {
  if (IDENTIFIER.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** The path of an array element below `base`: `base[3]`. */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** A short description of a value's JSON type for messages: "a string", "null", "an array". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : `${value}`;
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an untrusted object (never one inherited from a prototype). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * A deep copy of an untrusted value as plain JSON: dangerous keys dropped at every depth,
 * objects rebuilt as fresh plain objects, `-0` read as `0`, `undefined` object members skipped.
 * Refuses (with the path) non-JSON values (functions, NaN, Infinity, undefined in arrays) and
 * nesting deeper than MAX_JSON_DEPTH.
 */
export function sanitizeJson(value: unknown, path: string, depth = 0): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(path, `must be a finite number, got ${value}`);
    return value === 0 ? 0 : value;
  }
  if (typeof value !== 'object') refuse(path, `must be a JSON value, got ${describeValue(value)}`);
  if (depth >= MAX_JSON_DEPTH) refuse(path, `nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    const out: JsonValue[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      out[i] = sanitizeJson(value[i], indexPath(path, i), depth + 1);
    }
    return out;
  }
  const out: JsonObject = {};
  const src = value as Record<string, unknown>;
  for (const key of Object.keys(src)) {
    if (isDangerousKey(key)) continue;
    const v = src[key];
    if (v === undefined) continue;
    out[key] = sanitizeJson(v, keyPath(path, key), depth + 1);
  }
  return out;
}
