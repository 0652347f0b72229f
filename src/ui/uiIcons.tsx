import { SpriteIcon } from './SpriteIcon';
import type { UiIconName } from './uiIconNames';

interface IconProps {
  size?: number;
  strokeWidth?: number;
  className?: string;
  'aria-hidden'?: boolean | 'true';
}

/** A component for one sprite icon, with the props the lucide components took (size, strokeWidth, className). */
function spriteIcon(name: UiIconName) {
  const Icon = (props: IconProps) => <SpriteIcon icon={name} {...props} />;
  Icon.displayName = name;
  return Icon;
}

// Named like the lucide-react components they replace, so panels only change their import line.
export const Command = spriteIcon('command');
export const Download = spriteIcon('download');
export const FileText = spriteIcon('file-text');
export const Grid3x3 = spriteIcon('grid-3x3');
export const Keyboard = spriteIcon('keyboard');
export const LayoutGrid = spriteIcon('layout-grid');
export const LayoutTemplate = spriteIcon('layout-template');
export const Maximize = spriteIcon('maximize');
export const Moon = spriteIcon('moon');
export const Redo2 = spriteIcon('redo-2');
export const SquareDashed = spriteIcon('square-dashed');
export const Sun = spriteIcon('sun');
export const Undo2 = spriteIcon('undo-2');
export const Waypoints = spriteIcon('waypoints');
export const ChevronDown = spriteIcon('chevron-down');
export const ChevronRight = spriteIcon('chevron-right');
export const Search = spriteIcon('search');
export const X = spriteIcon('x');
export const Check = spriteIcon('check');
export const LoaderCircle = spriteIcon('loader-circle');
export const TriangleAlert = spriteIcon('triangle-exclamation-point');
export const FileUp = spriteIcon('file-up');
export const ChevronLeft = spriteIcon('chevron-left');
export const Focus = spriteIcon('focus');
