import { memo } from 'react';
import type { KindId } from '../domain/catalogue';

/** Id of an icon's symbol in the page's icon sprite (built into index.html from lucide's icons). */
export const iconSymbolId = (iconId: string) => `mlsd-icon-${iconId}`;

/** The sprite icon of a catalogue kind: the sprite names it by the kind (its lucide icon is KIND_ICONS'). */
export const kindIconId = (kind: KindId) => `kind-${kind}`;

interface Props {
  icon: string;
  size?: number;
  strokeWidth?: number;
  className?: string;
  'aria-hidden'?: boolean | 'true';
}

/**
 * An icon drawn from the page's sprite (the catalogue's icons and the first screen's UI icons): the
 * same lucide icons, but their shapes travel in the HTML once instead of as JavaScript modules in
 * the first load, and each use is one <use>.
 */
export const SpriteIcon = memo(function SpriteIcon({ icon, size = 16, strokeWidth = 2, className }: Props) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <use href={`#${iconSymbolId(icon)}`} />
    </svg>
  );
});
