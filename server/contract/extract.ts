/** The shapes of POST /api/extract: an article in, candidate entities and relationships out. */

/** The most words an article sent for extraction may have. */
export const MAX_EXTRACT_WORDS = 20_000;

export interface ExtractSource {
  title?: string;
  publisher?: string;
  url?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

export interface ExtractRequest {
  /** Plain text (or Markdown); or HTML when `format` is "html". */
  text?: string;
  /** HTML, reduced to its readable text before extraction (the same as text with format "html"). */
  html?: string;
  format?: 'text' | 'html';
  source?: ExtractSource;
}

export interface CandidateEntity {
  /** The candidate's key in this answer: the node's id when it is in the graph, else a slug of its name. */
  key: string;
  name: string;
  label: string;
  aliases: string[];
  /** The elementId of the node the graph has for it, or null when it is new. */
  existingId: string | null;
  /** [start, end) character offsets of each mention in `text`. */
  mentions: Array<[number, number]>;
}

export interface CandidateRelationship {
  /** Keys of candidate entities. */
  from: string;
  to: string;
  type: string;
  /** The sentence that states it. */
  quote: string;
  /** 0 to 1: how explicit the wording is. */
  confidence: number;
  /** The elementId of the relationship the graph has for this fact, or null when it is new. */
  existingId: string | null;
}

export interface ExtractResult {
  entities: CandidateEntity[];
  relationships: CandidateRelationship[];
  /** The text the mentions' offsets point into (the readable text of HTML). */
  text: string;
  /** Why the lists are empty, when they are. */
  note?: string;
}

/** What a user reads when an article is longer than MAX_EXTRACT_WORDS. */
export function articleTooLong(words: number): string {
  return `The article is too long: ${words.toLocaleString('en-US')} words, and at most ${MAX_EXTRACT_WORDS.toLocaleString('en-US')} words can be extracted at once. Send one article (or split it into parts).`;
}
