/**
 * POST /api/extract: checks the article, reduces HTML to text, reads the graph's names and aliases,
 * and proposes candidates. Reads only; nothing is written.
 */
import { PayloadTooLargeError, BadRequestError } from '../errors';
import { articleTooLong, MAX_EXTRACT_WORDS, type ExtractRequest, type ExtractResult } from '../contract/extract';
import { integer, type Database } from '../neo4j';
import { loadModel, type Model } from '../seed';
import { createHash } from 'node:crypto';
import { extractCandidates, htmlToText, KnownIndex, type KnownEntity } from './extract';

/** How many named nodes are read to recognise names (the rest are new to extraction). */
const KNOWN_LIMIT = 50_000;

let model: Model | null = null;

/** The index of the names last read, reused while the graph's names stay the same (indexing 50,000 takes a second). */
let lastIndex: { signature: string; index: KnownIndex } | null = null;

function indexOf(known: KnownEntity[]): KnownIndex {
  const hash = createHash('sha256');
  for (const entity of known) hash.update(JSON.stringify([entity.id, entity.name, entity.label, entity.aliases]));
  const signature = hash.digest('hex');
  if (lastIndex?.signature !== signature) lastIndex = { signature, index: new KnownIndex(known) };
  return lastIndex.index;
}

/** The article's readable text, or a BadRequestError saying what is wrong with it. */
export function articleText(request: ExtractRequest): string {
  const given = [request.text, request.html].filter((value) => value !== undefined);
  if (given.length === 0) throw new BadRequestError('Send the article as "text" (plain text or Markdown) or "html", e.g. {"text": "Tencent partnered with Huaxia Bank."}.');
  if (given.length > 1) throw new BadRequestError('Send either "text" or "html", not both.');
  const raw = given[0];
  if (typeof raw !== 'string') throw new BadRequestError(`"${request.text !== undefined ? 'text' : 'html'}" must be a text (a JSON string), not ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
  if (request.format !== undefined && request.format !== 'text' && request.format !== 'html') throw new BadRequestError('"format" must be "text" or "html".');
  if (raw.includes('\u0000')) throw new BadRequestError('The article contains NUL bytes: it looks like a binary file, not text. Send the text of the article (a .txt, .md or .html file).');
  if (/\uFFFD/.test(raw)) throw new BadRequestError('The article contains bytes that are not UTF-8 text (shown as �): it looks like a binary file or another encoding. Save it as UTF-8 text and send it again.');
  if ([...raw.slice(0, 100_000)].some((char) => { const code = char.charCodeAt(0); return (code >= 1 && code <= 8) || (code >= 14 && code <= 31); })) throw new BadRequestError('The article contains control characters: it looks like a binary file, not text. Send the text of the article.');
  const words = raw.split(/\s+/).filter(Boolean).length;
  if (words > MAX_EXTRACT_WORDS * (request.html !== undefined || request.format === 'html' ? 3 : 1)) throw new PayloadTooLargeError(articleTooLong(words));
  const text = request.html !== undefined || request.format === 'html' ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
  const readable = text.split(/\s+/).filter(Boolean).length;
  if (readable > MAX_EXTRACT_WORDS) throw new PayloadTooLargeError(articleTooLong(readable));
  if (text.trim() === '') throw new BadRequestError(request.html !== undefined || request.format === 'html' ? 'The HTML has no readable text (scripts, styles and markup are left out). Send the page of the article itself.' : 'The article is empty: send its text.');
  return text;
}

/** Checks a source when one is given: texts, a web link, a YYYY-MM-DD date. */
export function checkSource(source: unknown): void {
  if (source === undefined) return;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) throw new BadRequestError('"source" must be an object: {"title", "publisher", "url", "published": "YYYY-MM-DD"}.');
  const fields = source as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!['title', 'publisher', 'url', 'published'].includes(key)) throw new BadRequestError(`"source" has an unknown field "${key}": use title, publisher, url and published.`);
  for (const key of ['title', 'publisher', 'url', 'published']) {
    const value = fields[key];
    if (value !== undefined && (typeof value !== 'string' || value.length > 2000)) throw new BadRequestError(`"source.${key}" must be a text of at most 2,000 characters.`);
  }
  if (typeof fields.url === 'string' && !/^https?:\/\/[^\s]+$/i.test(fields.url)) throw new BadRequestError('"source.url" must be a web link starting with http:// or https://.');
  if (typeof fields.published === 'string') {
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields.published);
    const time = Date.parse(`${fields.published}T00:00:00Z`);
    const valid = date !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(fields.published);
    if (!valid) throw new BadRequestError(`"source.published" must be a date as YYYY-MM-DD, e.g. 2017-06-15 (got "${fields.published}").`);
  }
}

/** Candidates for the article, against the names and relationships the database has. */
export async function extractArticle(database: Database, request: ExtractRequest): Promise<ExtractResult> {
  checkSource(request.source);
  const text = articleText(request);
  model ??= loadModel();
  const knownResult = await database.read('extract/known-entities', { limit: integer(KNOWN_LIMIT) });
  const known: KnownEntity[] = knownResult.records.map((record) => ({ id: record.get('id'), name: record.get('name'), label: record.get('label') ?? 'Company', aliases: record.get('aliases') }));
  const names = indexOf(known);
  const first = extractCandidates(text, names, model);
  const ids = first.entities.map((entity) => entity.existingId).filter((id): id is string => id !== null);
  let result = first;
  if (ids.length > 1) {
    const existing = await database.read('extract/relationships-between', { ids, limit: integer(10_000) });
    result = extractCandidates(
      text,
      names,
      model,
      existing.records.map((record) => ({ id: record.get('id'), type: record.get('type'), fromId: record.get('fromId'), toId: record.get('toId') })),
    );
  }
  const note =
    result.entities.length === 0
      ? 'No entities found: the text names no organisation, product, regulator or person that the graph knows or that looks like a name (capitalised words). Nothing to review.'
      : result.relationships.length === 0
        ? 'Entities found, but no sentence states a relationship between them in a wording extraction knows (e.g. "partnered with", "a unit of", "launched", "was granted a licence by").'
        : undefined;
  return { entities: result.entities, relationships: result.relationships, text, ...(note ? { note } : {}) };
}
