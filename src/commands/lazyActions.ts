import type { AppContext } from './appCommands';

/** A failed on-demand load, as a clause of a notice: "the export code could not be loaded (…); check the connection and try again". */
export function loadFailure(what: string, e: unknown): string {
  return `${what} could not be loaded (${e instanceof Error ? e.message : String(e)}); check the connection and try again`;
}

/** The same as a sentence of its own, for a notice or a message. */
export function loadFailureSentence(what: string, e: unknown): string {
  const text = loadFailure(what, e);
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/**
 * `load` run once and its promise kept; a failure is forgotten (the next call tries again, e.g. back
 * online) and rejects with an Error whose message is `failure(e)`.
 */
export function loadOnce<M>(load: () => Promise<M>, failure: (e: unknown) => string): () => Promise<M> {
  let pending: Promise<M> | undefined;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw new Error(failure(e));
    }));
}

/**
 * The code of some commands, loaded on their first run. The commands keep their id, name, shortcuts
 * and enabled() in the registry (menus, keys and the "?" dialog list them); `run((m, ctx) => m.x(ctx.store))`
 * is a run function that loads the module, then calls into it. A failed load becomes an error notice
 * naming `what` ("the file commands"), and the next run tries again.
 */
export function lazyActions<M>(load: () => Promise<M>, what: string) {
  /** The module; rejects with an error whose message is the notice to show. */
  const get = loadOnce(load, (e) => loadFailureSentence(what, e));
  return {
    load: get,
    run:
      (action: (m: M, ctx: AppContext) => unknown) =>
      (ctx: AppContext): void =>
        void get().then(
          (m) => void action(m, ctx),
          (e: Error) => ctx.store.getState().notify('error', e.message),
        ),
  };
}
