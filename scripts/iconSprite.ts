import type { Plugin } from 'vite';
import { CATALOGUE } from '../src/domain/catalogue';
import { iconMarkup } from '../src/ui/icons';
import { iconSymbolId } from '../src/ui/CatalogueIcon';

/** The catalogue's lucide icons as one hidden SVG sprite of <symbol>s. */
export function spriteMarkup(): string {
  const ids = [...new Set([...CATALOGUE.map((k) => k.icon), 'puzzle'])];
  const symbols = ids.map((id) => `<symbol id="${iconSymbolId(id)}" viewBox="0 0 24 24">${iconMarkup(id)}</symbol>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" aria-hidden="true">${symbols}</svg>`;
}

/** Vite plugin: puts the icon sprite at the top of <body>, in dev and in the build. */
export function iconSprite(): Plugin {
  return {
    name: 'mlsd-icon-sprite',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<body>', `<body>\n    ${spriteMarkup()}`),
    },
  };
}
