export * from './model';
export * from './focus';
export * from './history';
export { drawTogether, inDataOrder, placeAround, SPACING } from './placement';
export { decodeView, encodeView, renameView, SharedViewError, showsView, stepsTo, type SharedView } from './url';
