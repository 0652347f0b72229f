/** The outcome of a domain function that can refuse its input: a value, or an error. Never thrown. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** A successful result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** A failed result. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
