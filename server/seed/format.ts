/**
 * The format of the seed and import files (YAML), and of the model file that says which labels and
 * relationship types a file may use. Pure: schemas and types only.
 */
import { z } from 'zod';

/** A stable identifier: lower-case words joined by dashes, e.g. "china-construction-bank". */
export const slug = z
  .string({ message: 'must be a text' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters and digits joined by single dashes, e.g. "huaxia-bank"')
  .max(100, 'must be at most 100 characters');

const text = (what: string) => z.string({ message: `must be a text (${what})` }).trim().min(1, `must not be empty (${what})`);

/** Property values Neo4j can store: scalars and lists of one scalar type. */
export const propertyValue = z.union(
  [z.string(), z.number().finite(), z.boolean(), z.array(z.string()), z.array(z.number().finite())],
  { message: 'must be a text, a number, a boolean, or a list of texts or of numbers' },
);

/** Property names the loader writes itself; a file may not set them under `properties`. */
export const RESERVED_PROPERTIES = ['id', 'name', 'aliases', 'description', 'sourceIds', 'quotes', 'title'] as const;

const propertyName = z.string({ message: 'must be a property name' }).regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'property names must be letters, digits and underscores, starting with a letter');

const properties = z
  .record(propertyName, propertyValue)
  .refine((value) => !RESERVED_PROPERTIES.some((name) => name in value), {
    message: `must not set ${RESERVED_PROPERTIES.join(', ')} (they are fields of the entry itself)`,
  })
  .default({});

/**
 * The properties an import removes from an entry already in the database (an import keeps what a
 * file does not mention; a property goes only when the file lists it here). `aliases` may be
 * listed; the other fields of the entry itself may not, nor a property the entry also sets.
 */
const unset = z
  .array(propertyName)
  .refine((names) => names.every((name) => name === 'aliases' || !(RESERVED_PROPERTIES as readonly string[]).includes(name)), {
    message: `may not remove ${RESERVED_PROPERTIES.filter((name) => name !== 'aliases').join(', ')} (an entry always has its id, name and description; evidence is only ever added)`,
  })
  .default([]);

const notBothSetAndUnset = (entry: { properties: Record<string, unknown>; unset: string[] }): boolean => entry.unset.every((name) => !(name in entry.properties));
const setAndUnset = { message: 'a property is both set under properties and removed under unset: keep one', path: ['unset'] };

/** Whether a text is an absolute http or https address (what a source's `url` must be). */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** One piece of evidence: a short quote from a source article that states the fact. */
export const evidence = z
  .object({
    source: slug,
    quote: text('a short quote').max(500, 'must be a short quote (a sentence or a clause, at most 500 characters), never the article'),
  })
  .strict();

export const sourceEntry = z
  .object({
    id: slug,
    title: text('the article title'),
    publisher: text('who published it'),
    originalPublisher: text('where it first appeared').optional(),
    timeFrame: text('the time frame the text gives'),
    url: z
      .string({ message: 'must be a text (the web address of the article)' })
      .trim()
      .refine(isWebAddress, 'must be the web address of the article, starting with https:// or http://, e.g. "https://www.chinadaily.com.cn/a/201706/23/xyz.html"')
      .optional(),
    published: z
      .string({ message: 'must be a text (the date the article was published)' })
      .trim()
      .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be the date the article was published as YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. "2017-06-22"')
      .optional(),
    file: text('the article file name').optional(),
  })
  .strict();

export const nodeEntry = z
  .object({
    id: slug,
    label: z.string({ message: 'must be a label name' }),
    name: text('the display name'),
    // No default: an import that leaves aliases out keeps the node's (a new node gets none).
    aliases: z.array(text('an alias')).optional(),
    description: text('a one-line description').max(300, 'must be one line (at most 300 characters)'),
    properties,
    unset,
    evidence: z.array(evidence).default([]),
  })
  .strict()
  .refine(notBothSetAndUnset, setAndUnset);

export const relationshipEntry = z
  .object({
    id: slug.optional(),
    type: z.string({ message: 'must be a relationship type name' }),
    from: slug,
    to: slug,
    properties,
    unset,
    evidence: z.array(evidence).min(1, 'needs at least one quote with its source: every relationship cites its evidence'),
  })
  .strict()
  .refine(notBothSetAndUnset, setAndUnset);

export const datasetFile = z
  .object({
    sources: z.array(sourceEntry).default([]),
    nodes: z.array(nodeEntry).default([]),
    relationships: z.array(relationshipEntry).default([]),
  })
  .strict();

export const modelFile = z
  .object({
    labels: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*$/), text('what the label means')),
    relationshipTypes: z.record(
      z.string().regex(/^[A-Z][A-Z0-9_]*$/),
      z.object({ meaning: text('what it means'), from: z.array(z.string()).min(1), to: z.array(z.string()).min(1), symmetric: z.boolean().default(false) }).strict(),
    ),
  })
  .strict();

export type SourceEntry = z.infer<typeof sourceEntry>;
export type NodeEntry = z.infer<typeof nodeEntry>;
export type RelationshipEntry = z.infer<typeof relationshipEntry>;
export type DatasetFile = z.infer<typeof datasetFile>;
export type Model = z.infer<typeof modelFile>;
export type PropertyValue = z.infer<typeof propertyValue>;

/** The label every source article node has. */
export const SOURCE_LABEL = 'Source';
