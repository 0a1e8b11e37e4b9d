export * from './model';
export * from './history';
export { placeAround, SPACING } from './placement';
export { decodeView, encodeView, SharedViewError, type SharedView } from './url';
export * from './focus';
