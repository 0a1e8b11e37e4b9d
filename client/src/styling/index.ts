/** Styling rules (as in Neo4j Bloom): the rules, what they make of the canvas, the panel that sets them, and where they are kept. */
export { DEFAULT_RULES, decodeRules, encodeRules, isDefaultRules, withCaption, type StyleRules, type SizeRule, type ColorRule, type WidthRule } from './rules';
export { computeLooks, valueText, type Looks, type NodeLook, type StyleKey } from './looks';
export type { CategoryColors } from './category-colors';
export { styleOptions, type StyleOptions } from './options';
export { drawStyleKey } from './key';
export { StylePanel } from './panel';
export { databaseKey, readRules, writeRules } from './store';
export { attachStyling } from './controller';
