export { createCanvas } from './canvas';
export { displayName, useSchemaNaming } from './display';
export { download, exportJson, exportPng, exportSvg } from './export';
export { LAYOUT_LABELS, runLayout } from './layouts';
export { createMinimap } from './minimap';
export { labelStyle } from './palette';
export { shapeOutline, svgPoints } from './shapes';
export { edgeData, nodeData, render } from './render';
