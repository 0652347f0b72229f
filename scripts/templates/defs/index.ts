import type { TemplateDef } from '../layout';
import { videoRecommendation } from './video-recommendation';
import { visualSearch } from './visual-search';
import { videoSearch } from './video-search';
import { harmfulContentDetection } from './harmful-content-detection';
import { eventRecommendation } from './event-recommendation';
import { adClickPrediction } from './ad-click-prediction';
import { similarListings } from './similar-listings';

/** Every template definition this folder builds. */
export const DEFS: TemplateDef[] = [videoRecommendation, visualSearch, videoSearch, harmfulContentDetection, eventRecommendation, adClickPrediction, similarListings];
