import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads on demand, like React.lazy, but which renders at once (no suspense
 * round) when its code has already been preloaded. With `waitForPreload`, mounting does not start
 * the load: the component shows its fallback until someone calls `preload()` (e.g. once the page has
 * painted and the main thread is idle).
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
  options: { waitForPreload?: boolean } = {},
) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  let announce: (c: ComponentType<P>) => void = () => {};
  const ready = new Promise<ComponentType<P>>((resolve) => (announce = resolve));
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      announce(c);
      return c;
    }));
  function Preloadable(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void (options.waitForPreload ? ready : preload()).then((c) => live && setC(() => c));
      return () => {
        live = false;
      };
    }, [C]);
    return C ? <C {...props} /> : <>{fallback}</>;
  }
  return { Component: Preloadable, preload };
}
