export { createCanvas, showElements } from './canvas';
export { displayName } from './display';
export { toElements } from './elements';
export { labelStyle } from './palette';
