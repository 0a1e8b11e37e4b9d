/** Limits that both sides need to know: the UI says them before asking, the API enforces them. */

/** The longest search text, in characters. */
export const MAX_SEARCH_LENGTH = 200;

/** What a user reads when a search text is longer than MAX_SEARCH_LENGTH. */
export function searchTooLong(length: number): string {
  return `Search text is too long (at most ${MAX_SEARCH_LENGTH} characters; this one has ${length.toLocaleString('en-US')}). Shorten it to a name or a few words.`;
}
