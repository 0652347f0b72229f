import type { TemplateDef } from '../layout';
import { videoRecommendation } from './video-recommendation';

/** Every template definition this folder builds. */
export const DEFS: TemplateDef[] = [videoRecommendation];
