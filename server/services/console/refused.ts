/** A console query refused before it ran, with a message that says why and what to write instead. */
export class RefusedQueryError extends Error {
  override name = 'RefusedQueryError';
}
