/**
 * Extraction: the entities an article names and the relationships its sentences state, as candidates
 * for a person to review. Rules over the text, no trained model; the names and aliases already in
 * the graph come first. Pure: the caller passes the known entities and the model.
 */
export { htmlToText } from './html';
export { extractCandidates, type Extraction, type ExtractedEntity, type ExtractedRelationship, type ExistingRelationship } from './extract';
export { KnownIndex, type KnownEntity } from './entities';
export { importFileText, type SourceDetails } from './import-file';
