import '@testing-library/jest-dom/vitest';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { loadChecker } from '../../src/store/findings';
import { findingsPanel } from '../../src/ui/SidePanel';

// In the app the checker and the findings list load right after the first paint; panels under test get them up front.
beforeAll(async () => {
  await Promise.all([loadChecker(), findingsPanel.preload()]);
});

// React Flow's testing guide: jsdom lacks these.
class ResizeObserverStub {
  constructor(private cb: ResizeObserverCallback) {}
  observe(target: Element) {
    this.cb([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? +scale : 1;
  }
}
(globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { get() { return parseFloat(this.style.height) || 1; }, configurable: true },
  offsetWidth: { get() { return parseFloat(this.style.width) || 1; }, configurable: true },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

afterEach(() => cleanup());
