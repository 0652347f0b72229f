import {
  Activity, Archive, ArrowUpDown, Bot, Boxes, ClipboardCheck, ClipboardList, Database, Dumbbell, Filter,
  FlaskConical, Globe, Layers, Library, ListOrdered, MousePointerClick, Orbit, Plug, Puzzle, Radar, Rows3,
  Scale, ScrollText, Search, Server, ShieldAlert, ShieldCheck, Shuffle, SlidersHorizontal, Smartphone,
  Split, SquareDashed, StickyNote, Tags, Target, TrendingUpDown, UserCheck, Warehouse, Waves, Workflow,
  Wrench, Zap, type LucideIcon,
} from 'lucide-react';

/** The catalogue's icon ids mapped to lucide icons (imported one by one, so only these are bundled). */
const ICONS: Record<string, LucideIcon> = {
  'clipboard-list': ClipboardList,
  target: Target,
  smartphone: Smartphone,
  'mouse-pointer-click': MousePointerClick,
  database: Database,
  archive: Archive,
  globe: Globe,
  'rows-3': Rows3,
  waves: Waves,
  shuffle: Shuffle,
  warehouse: Warehouse,
  'shield-check': ShieldCheck,
  tags: Tags,
  wrench: Wrench,
  boxes: Boxes,
  dumbbell: Dumbbell,
  orbit: Orbit,
  'sliders-horizontal': SlidersHorizontal,
  'flask-conical': FlaskConical,
  workflow: Workflow,
  'clipboard-check': ClipboardCheck,
  split: Split,
  library: Library,
  server: Server,
  layers: Layers,
  plug: Plug,
  filter: Filter,
  'list-ordered': ListOrdered,
  'arrow-up-down': ArrowUpDown,
  radar: Radar,
  search: Search,
  zap: Zap,
  scale: Scale,
  'user-check': UserCheck,
  bot: Bot,
  'shield-alert': ShieldAlert,
  'scroll-text': ScrollText,
  activity: Activity,
  'trending-up-down': TrendingUpDown,
  'sticky-note': StickyNote,
  'square-dashed': SquareDashed,
  puzzle: Puzzle,
};

/** The icon component of a catalogue icon id (a puzzle piece for an unknown id). */
export function iconFor(iconId: string): LucideIcon {
  return ICONS[iconId] ?? Puzzle;
}
