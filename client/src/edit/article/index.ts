/**
 * "Add an article" (issue 16): an article and its source in, candidates found by POST /api/extract,
 * reviewed (accepted, edited, rejected) beside the article's text and previewed on the canvas, then
 * committed as one change with one commitArticle operation.
 */
import './article.css';

export { ArticlePanel } from './panel';
export { canvasRightOf, ProposedLayer, PROPOSED } from './preview';
export * from './review';
export { quoteRange, segmentText, type OwnedRange, type Segment } from './segments';
