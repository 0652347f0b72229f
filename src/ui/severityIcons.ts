import { CircleX, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Severity } from '../domain/checker/types';

/** The icon of each finding severity (shape as well as colour tells them apart); panels that load after the first paint use it. */
export const SEVERITY_ICON: Record<Severity, LucideIcon> = { error: CircleX, warning: TriangleAlert, info: Info };
