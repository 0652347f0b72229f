/**
 * The lucide icons the first screen's chrome uses (header, menus, palette, notices, save state,
 * file drop), by lucide module name: they go into the page's icon sprite with the catalogue's.
 * Panels that load later (findings, dialogs, practice) import lucide-react directly.
 */
export const UI_ICON_NAMES = [
  'command',
  'download',
  'file-text',
  'grid-3x3',
  'keyboard',
  'layout-grid',
  'layout-template',
  'maximize',
  'moon',
  'redo-2',
  'square-dashed',
  'sun',
  'undo-2',
  'waypoints',
  'chevron-down',
  'chevron-right',
  'search',
  'x',
  'check',
  'loader-circle',
  'triangle-exclamation-point',
  'file-up',
  'align-start-vertical',
  'align-center-vertical',
  'align-end-vertical',
  'align-start-horizontal',
  'align-center-horizontal',
  'align-end-horizontal',
  'align-horizontal-distribute-center',
  'align-vertical-distribute-center',
  'chevron-left',
  'focus',
] as const;

export type UiIconName = (typeof UI_ICON_NAMES)[number];
