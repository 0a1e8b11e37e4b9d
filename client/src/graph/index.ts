export { CANVAS_THEMES, createCanvas, READABLE_ZOOM, setCanvasTheme, type CanvasTheme } from './canvas';
export { attachHover } from './hover';
export { displayName, useSchemaNaming } from './display';
export { download, exportJson, exportPng, exportSvg } from './export';
export { LAYOUT_LABELS, runLayout } from './layouts';
export { createMinimap } from './minimap';
export { labelStyle, typeColor } from './palette';
export { shapeOutline, svgPoints } from './shapes';
export { edgeData, nodeData, render } from './render';
