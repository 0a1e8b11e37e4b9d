export { Explorer } from './explorer';
export { PAGE_SIZES } from './page-size';
