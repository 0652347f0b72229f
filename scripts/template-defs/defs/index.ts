import type { TemplateDef } from '../builder';
import { videoRecommendation } from './video-recommendation';
import { visualSearch } from './visual-search';
import { videoSearch } from './video-search';
import { harmfulContentDetection } from './harmful-content-detection';
import { eventRecommendation } from './event-recommendation';
import { adClickPrediction } from './ad-click-prediction';
import { similarListings } from './similar-listings';
import { newsFeed } from './news-feed';
import { peopleYouMayKnow } from './people-you-may-know';
import { fraudDetection } from './fraud-detection';
import { etaPrediction } from './eta-prediction';
import { searchRanking } from './search-ranking';
import { streetViewBlurring } from './street-view-blurring';
import { ragAssistant } from './rag-assistant';

/** Every case-study template, in the order of domain.md section 6; each builds templates/<id>.json. */
export const DEFS: TemplateDef[] = [
  videoRecommendation,
  visualSearch,
  videoSearch,
  harmfulContentDetection,
  eventRecommendation,
  adClickPrediction,
  similarListings,
  newsFeed,
  peopleYouMayKnow,
  fraudDetection,
  etaPrediction,
  searchRanking,
  streetViewBlurring,
  ragAssistant,
];
