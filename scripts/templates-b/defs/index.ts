import type { TemplateDef } from '../layout';
import { fraudDetection } from './fraud-detection';
import { newsFeed } from './news-feed';

/** The seven templates of this folder, in the order of domain.md section 6. */
export const DEFS: TemplateDef[] = [newsFeed, fraudDetection];
