/**
 * Candidates as a file of the seed's import format (seed/README.md), for a person to edit and then
 * load with `npm run import`: the source, the new entities, and each relationship with its quote.
 * Entities the graph already has are referred to by their id and not repeated. Pure.
 */
import { Document } from 'yaml';
import type { Extraction } from './extract';
import { slugOf } from './extract';

export interface SourceDetails {
  title: string;
  publisher: string;
  url?: string;
  /** YYYY-MM-DD, or any time frame the text gives. */
  date?: string;
  /** The article's file name. */
  file?: string;
}

/** The longest quote the import format takes. */
const MAX_QUOTE = 500;

/** A sentence cut to the import format's limit at a word boundary (the cut quote is still in the text). */
function shortQuote(quote: string): string {
  if (quote.length <= MAX_QUOTE) return quote;
  const cut = quote.slice(0, MAX_QUOTE);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}

/** The YAML text of the import file, with comments that say what to check. */
export function importFileText(extraction: Extraction, source: SourceDetails): string {
  const sourceId = slugOf(source.title);
  const newEntities = extraction.entities.filter((entity) => entity.existingId === null);
  const content = {
    sources: [{ id: sourceId, title: source.title, publisher: source.publisher, timeFrame: source.date ?? 'not given', ...(source.file ? { file: source.file } : {}) }],
    nodes: newEntities.map((entity) => ({
      id: entity.key,
      label: entity.label,
      name: entity.name,
      aliases: entity.aliases,
      description: `Named in "${source.title}" (${source.publisher}); extracted, to be checked.`.slice(0, 300),
    })),
    relationships: extraction.relationships.map((relationship) => ({
      type: relationship.type,
      from: relationship.from,
      to: relationship.to,
      evidence: [{ source: sourceId, quote: shortQuote(relationship.quote) }],
    })),
  };
  const document = new Document(content);
  document.commentBefore = [
    ` Candidates extracted from ${source.file ?? 'an article'} by \`npm run extract\`${source.url ? `; the article is at ${source.url}` : ''}.`,
    ' Every entry is a proposal: check each name, label, type, direction and quote, delete what is wrong,',
    ' then load the file with `npm run import -- FILE`. Entities the graph already has are referred to by',
    ` their id and not listed under nodes (${extraction.entities.length - newEntities.length} of ${extraction.entities.length}).`,
  ].join('\n');
  const relationships = document.get('relationships');
  if (relationships && typeof relationships === 'object' && 'items' in relationships && Array.isArray(relationships.items)) {
    relationships.items.forEach((item: { commentBefore?: string | null }, index: number) => {
      const relationship = extraction.relationships[index];
      if (relationship) item.commentBefore = ` confidence ${relationship.confidence}${relationship.existingId ? ', already in the graph: the quote is added as evidence' : ''}`;
    });
  }
  return document.toString({ lineWidth: 0 });
}
