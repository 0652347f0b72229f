import type { LucideIcon, LucideIconNode } from 'lucide-react';
import { escapeXml } from '../domain/export/svg';
// One module per icon (lucide-react's `icons/<name>` entry points): each gives the component the
// canvas draws and, as `__iconData`, the elements it is made of, which the SVG and PNG exports
// draw. Only these modules are bundled, and the canvas and the exports share them. Alias modules
// (waves, filter, shield-alert) re-export only the component: the canonical module is imported.
import * as ClipboardList from 'lucide-react/icons/clipboard-list';
import * as Target from 'lucide-react/icons/target';
import * as Smartphone from 'lucide-react/icons/smartphone';
import * as MousePointerClick from 'lucide-react/icons/mouse-pointer-click';
import * as Database from 'lucide-react/icons/database';
import * as Archive from 'lucide-react/icons/archive';
import * as Globe from 'lucide-react/icons/globe';
import * as Rows3 from 'lucide-react/icons/rows-3';
import * as Waves from 'lucide-react/icons/waves-horizontal';
import * as Shuffle from 'lucide-react/icons/shuffle';
import * as Warehouse from 'lucide-react/icons/warehouse';
import * as ShieldCheck from 'lucide-react/icons/shield-check';
import * as Tags from 'lucide-react/icons/tags';
import * as Wrench from 'lucide-react/icons/wrench';
import * as Boxes from 'lucide-react/icons/boxes';
import * as Dumbbell from 'lucide-react/icons/dumbbell';
import * as Orbit from 'lucide-react/icons/orbit';
import * as SlidersHorizontal from 'lucide-react/icons/sliders-horizontal';
import * as FlaskConical from 'lucide-react/icons/flask-conical';
import * as Workflow from 'lucide-react/icons/workflow';
import * as ClipboardCheck from 'lucide-react/icons/clipboard-check';
import * as Split from 'lucide-react/icons/split';
import * as Library from 'lucide-react/icons/library';
import * as Server from 'lucide-react/icons/server';
import * as Layers from 'lucide-react/icons/layers';
import * as Plug from 'lucide-react/icons/plug';
import * as Filter from 'lucide-react/icons/funnel';
import * as ListOrdered from 'lucide-react/icons/list-ordered';
import * as ArrowUpDown from 'lucide-react/icons/arrow-up-down';
import * as Radar from 'lucide-react/icons/radar';
import * as Search from 'lucide-react/icons/search';
import * as Zap from 'lucide-react/icons/zap';
import * as Scale from 'lucide-react/icons/scale';
import * as UserCheck from 'lucide-react/icons/user-check';
import * as Bot from 'lucide-react/icons/bot';
import * as ShieldAlert from 'lucide-react/icons/shield-exclamation-point';
import * as ScrollText from 'lucide-react/icons/scroll-text';
import * as Activity from 'lucide-react/icons/activity';
import * as TrendingUpDown from 'lucide-react/icons/trending-up-down';
import * as StickyNote from 'lucide-react/icons/sticky-note';
import * as SquareDashed from 'lucide-react/icons/square-dashed';
import * as Puzzle from 'lucide-react/icons/puzzle';

/** What an icon module exports (lucide-react 1.75 declares only the default export in its types). */
interface IconModule {
  default: LucideIcon;
  __iconData?: { node: LucideIconNode[] };
}

/**
 * The catalogue's icon ids mapped to their lucide component and elements. Members are read off the
 * namespaces directly (no namespace passed around as a value), so the bundler keeps plain bindings.
 */
const ICONS: Record<string, readonly [LucideIcon, IconModule['__iconData']]> = {
  'clipboard-list': [ClipboardList.default, (ClipboardList as IconModule).__iconData],
  target: [Target.default, (Target as IconModule).__iconData],
  smartphone: [Smartphone.default, (Smartphone as IconModule).__iconData],
  'mouse-pointer-click': [MousePointerClick.default, (MousePointerClick as IconModule).__iconData],
  database: [Database.default, (Database as IconModule).__iconData],
  archive: [Archive.default, (Archive as IconModule).__iconData],
  globe: [Globe.default, (Globe as IconModule).__iconData],
  'rows-3': [Rows3.default, (Rows3 as IconModule).__iconData],
  waves: [Waves.default, (Waves as IconModule).__iconData],
  shuffle: [Shuffle.default, (Shuffle as IconModule).__iconData],
  warehouse: [Warehouse.default, (Warehouse as IconModule).__iconData],
  'shield-check': [ShieldCheck.default, (ShieldCheck as IconModule).__iconData],
  tags: [Tags.default, (Tags as IconModule).__iconData],
  wrench: [Wrench.default, (Wrench as IconModule).__iconData],
  boxes: [Boxes.default, (Boxes as IconModule).__iconData],
  dumbbell: [Dumbbell.default, (Dumbbell as IconModule).__iconData],
  orbit: [Orbit.default, (Orbit as IconModule).__iconData],
  'sliders-horizontal': [SlidersHorizontal.default, (SlidersHorizontal as IconModule).__iconData],
  'flask-conical': [FlaskConical.default, (FlaskConical as IconModule).__iconData],
  workflow: [Workflow.default, (Workflow as IconModule).__iconData],
  'clipboard-check': [ClipboardCheck.default, (ClipboardCheck as IconModule).__iconData],
  split: [Split.default, (Split as IconModule).__iconData],
  library: [Library.default, (Library as IconModule).__iconData],
  server: [Server.default, (Server as IconModule).__iconData],
  layers: [Layers.default, (Layers as IconModule).__iconData],
  plug: [Plug.default, (Plug as IconModule).__iconData],
  filter: [Filter.default, (Filter as IconModule).__iconData],
  'list-ordered': [ListOrdered.default, (ListOrdered as IconModule).__iconData],
  'arrow-up-down': [ArrowUpDown.default, (ArrowUpDown as IconModule).__iconData],
  radar: [Radar.default, (Radar as IconModule).__iconData],
  search: [Search.default, (Search as IconModule).__iconData],
  zap: [Zap.default, (Zap as IconModule).__iconData],
  scale: [Scale.default, (Scale as IconModule).__iconData],
  'user-check': [UserCheck.default, (UserCheck as IconModule).__iconData],
  bot: [Bot.default, (Bot as IconModule).__iconData],
  'shield-alert': [ShieldAlert.default, (ShieldAlert as IconModule).__iconData],
  'scroll-text': [ScrollText.default, (ScrollText as IconModule).__iconData],
  activity: [Activity.default, (Activity as IconModule).__iconData],
  'trending-up-down': [TrendingUpDown.default, (TrendingUpDown as IconModule).__iconData],
  'sticky-note': [StickyNote.default, (StickyNote as IconModule).__iconData],
  'square-dashed': [SquareDashed.default, (SquareDashed as IconModule).__iconData],
  puzzle: [Puzzle.default, (Puzzle as IconModule).__iconData],
};

const entryFor = (iconId: string) => (Object.hasOwn(ICONS, iconId) ? ICONS[iconId] : ICONS.puzzle);

/** The icon component of a catalogue icon id (a puzzle piece for an unknown id). */
export function iconFor(iconId: string): LucideIcon {
  return entryFor(iconId)[0];
}

/** The SVG elements (tag, attributes, children) of a catalogue icon id's 24x24 icon, as the canvas draws it. */
export function iconNodeFor(iconId: string): readonly LucideIconNode[] {
  return entryFor(iconId)[1]?.node ?? [];
}

/** SVG markup of one lucide icon element (tag, attributes, children). */
export function elementMarkup([tag, attrs, children]: LucideIconNode): string {
  const attributes = Object.entries(attrs)
    .filter(([name, v]) => name !== 'key' && /^[A-Za-z][A-Za-z0-9:-]*$/.test(name) && (typeof v === 'string' || typeof v === 'number'))
    .map(([name, v]) => ` ${name}="${escapeXml(String(v))}"`)
    .join('');
  const inner = (children as LucideIconNode[] | undefined)?.length ? (children as LucideIconNode[]).map(elementMarkup).join('') : '';
  return inner ? `<${tag}${attributes}>${inner}</${tag}>` : `<${tag}${attributes}/>`;
}

/** Inner SVG markup (24x24 viewBox) of a catalogue icon id's icon: the exports and the page's icon sprite draw it. */
export function iconMarkup(iconId: string): string {
  return iconNodeFor(iconId).map(elementMarkup).join('');
}
