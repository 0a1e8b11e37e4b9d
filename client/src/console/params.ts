/** The console's parameters box: JSON text to query parameters. */

/** The parameters box as an object, or a message that says what is wrong with it. */
export function parseParams(text: string): { params: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The parameters are not valid JSON (${(error as Error).message}). Write them as an object, such as {"name": "Tencent"}.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'The parameters must be a JSON object of names and values, such as {"name": "Tencent"}.' };
  return { params: value as Record<string, unknown> };
}
