/** How the page shares the window: the free part of the canvas, the toolbar's overflow, folds (the side panel's too), the console drawer's height. */
export { freeArea, fitInto, type Box, type Rect, type Size } from './free-area';
export { attachOverflow, fitting, type Overflow } from './overflow';
export { anchorIn, anchorOf, autoFoldable, AutoFolds, crowded, graphNeedsRoom, placed, type Anchor, type Foldable } from './auto-fold';
export { attachOverviewFold } from './overview-fold';
export { attachSidePanel } from './side-panel';
export { drawerPixels, drawerShare, readShare, DRAWER_DEFAULT } from './drawer-size';
export { Panel, CoveredAreas, type PanelOptions } from './panel';
export { apartDownTo, type Placed } from './labels-apart';
