import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

type Outcome<P> = { component: ComponentType<P> } | { error: unknown };

/**
 * A component whose code loads on demand, like React.lazy, but which renders at once (no suspense
 * round) when its code has already been preloaded. With `waitForPreload`, mounting does not start
 * the load: the component shows its fallback until someone calls `preload()` (e.g. once the page has
 * painted and the main thread is idle). When the load fails, `failed(error, retry)` is shown instead
 * of the fallback (a part that never arrives must say so, not stay blank); `retry` loads again.
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
  options: { waitForPreload?: boolean; failed?: (error: unknown, retry: () => void, props: P) => ReactNode } = {},
) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  let lastError: unknown = null;
  const listeners = new Set<(o: Outcome<P>) => void>();
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
        lastError = null;
        for (const l of listeners) l({ component });
        return component;
      },
      (error: unknown) => {
        pending = null;
        lastError = error;
        for (const l of listeners) l({ error });
        throw error;
      },
    ));
  const start = () => void preload().catch(() => {});
  function Preloadable(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    // A part mounted after its preload failed shows the failure; one that loads itself tries again.
    const [error, setError] = useState<unknown>(() => (loaded || !options.waitForPreload ? null : lastError));
    useEffect(() => {
      if (C) return;
      const listen = (o: Outcome<P>) => ('component' in o ? setC(() => o.component) : setError(o.error));
      listeners.add(listen);
      if (loaded) setC(() => loaded);
      else if (!options.waitForPreload) start();
      return () => void listeners.delete(listen);
    }, [C]);
    if (C) return <C {...props} />;
    if (error && options.failed)
      return (
        <>
          {options.failed(
            error,
            () => {
              setError(null);
              start();
            },
            props,
          )}
        </>
      );
    return <>{fallback}</>;
  }
  return { Component: Preloadable, preload };
}
