export * from './model';
export * from './focus';
export * from './history';
export { placeAround, SPACING } from './placement';
export { decodeView, encodeView, SharedViewError, type SharedView } from './url';
