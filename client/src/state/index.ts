export * from './model';
export * from './history';
export { drawTogether, placeAround, SPACING } from './placement';
export { decodeView, encodeView, SharedViewError, type SharedView } from './url';
