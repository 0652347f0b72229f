import type { TemplateDef } from '../../templates/layout';
import { fraudDetection } from './fraud-detection';
import { etaPrediction } from './eta-prediction';
import { searchRanking } from './search-ranking';
import { streetViewBlurring } from './street-view-blurring';
import { ragAssistant } from './rag-assistant';
import { newsFeed } from './news-feed';
import { peopleYouMayKnow } from './people-you-may-know';

/** The seven templates of this folder, in the order of domain.md section 6. */
export const DEFS: TemplateDef[] = [newsFeed, peopleYouMayKnow, fraudDetection, etaPrediction, searchRanking, streetViewBlurring, ragAssistant];
