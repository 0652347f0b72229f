import type { LucideIconNode } from 'lucide-react';
import type { Plugin } from 'vite';
import { CATALOGUE } from '../src/domain/catalogue';
import { KIND_ICONS } from '../src/domain/kindIcons';
import { elementMarkup, iconMarkup } from '../src/ui/icons';
import { iconSymbolId, kindIconId } from '../src/ui/SpriteIcon';
import { UI_ICON_NAMES } from '../src/ui/uiIconNames';

/** Inner markup of a lucide icon module (`lucide-react/icons/<name>`), read from its __iconData. */
async function lucideMarkup(name: string): Promise<string> {
  const mod = (await import(`lucide-react/icons/${name}`)) as { __iconData?: { node: LucideIconNode[] } };
  if (!mod.__iconData) throw new Error(`lucide-react/icons/${name} has no icon data (an alias?): use the canonical module name`);
  return mod.__iconData.node.map(elementMarkup).join('');
}

/** The catalogue's and the first screen's lucide icons as one hidden SVG sprite of <symbol>s. */
export async function spriteMarkup(): Promise<string> {
  const catalogue = CATALOGUE.map((k) => [kindIconId(k.id), iconMarkup(KIND_ICONS[k.id])] as const);
  const ui = await Promise.all(UI_ICON_NAMES.map(async (name) => [name, await lucideMarkup(name)] as const));
  const symbols = [...catalogue, ...ui]
    .map(([id, markup]) => `<symbol id="${iconSymbolId(id)}" viewBox="0 0 24 24">${markup}</symbol>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" aria-hidden="true">${symbols}</svg>`;
}

/** Vite plugin: puts the icon sprite at the top of <body>, in dev and in the build. */
export function iconSprite(): Plugin {
  return {
    name: 'mlsd-icon-sprite',
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => html.replace('<body>', `<body>\n    ${await spriteMarkup()}`),
    },
  };
}
