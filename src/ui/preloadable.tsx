import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads on demand, like React.lazy, but which renders at once (no suspense
 * round) when its code has already been preloaded, e.g. right after the first paint.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => (pending ??= load().then((c) => (loaded = c)));
  function Preloadable(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void preload().then((c) => live && setC(() => c));
      return () => {
        live = false;
      };
    }, [C]);
    return C ? <C {...props} /> : <>{fallback}</>;
  }
  return { Component: Preloadable, preload };
}
