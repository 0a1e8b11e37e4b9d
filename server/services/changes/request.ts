/**
 * The body of POST /api/changes, checked: its shape, and every label, type and property name as a
 * plain identifier (letters, digits and underscores), so that no name can carry Cypher. Pure.
 */
import { z } from 'zod';
import type { ChangeRequest } from '../../contract';
import { ChangeRefusedError } from '../../errors';

/** Labels, relationship types and property names a change may use: letters, digits, underscores, starting with a letter. */
export const NAME_PATTERN = /^\p{L}[\p{L}\p{N}_]{0,99}$/u;
/** A stable key: lower-case words joined by dashes (the seed's ids). */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_OPERATIONS = 500;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const name = (what: string) =>
  z
    .string({ message: `must be a ${what} name (text)` })
    .regex(NAME_PATTERN, `must be a ${what} name: letters, digits and underscores, starting with a letter, at most 100 characters (no spaces, quotes, backticks or other Cypher)`);

const text = (what: string, max: number) =>
  z
    .string({ message: `must be a text (${what})` })
    .trim()
    .min(1, `must not be empty (${what})`)
    .max(max, `must be at most ${max} characters (${what})`)
    .refine((value) => !CONTROL.test(value), `must not contain control characters (${what})`);

const key = z.string({ message: 'must be a key (text)' }).max(100, 'must be at most 100 characters').regex(KEY_PATTERN, 'must be a key: lower-case letters and digits joined by single dashes, e.g. "huaxia-bank"');
const ref = text('a reference', 200);
const date = z.string({ message: 'must be a date YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date YYYY-MM-DD');
const url = z.string({ message: 'must be a link (text)' }).max(2000).refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http(s) link, e.g. https://www.chinadaily.com.cn/...');

const value = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.array(z.string().max(10_000)).max(1000), z.array(z.number().finite()).max(1000)], {
  message: 'must be a text, a number, a boolean, or a list of texts or of numbers',
});
const properties = z.record(name('property'), value, { message: 'must be an object of property names and values' });
const unset = z.array(name('property')).max(200);
const expected = z.record(z.string(), z.unknown(), { message: 'must be an object: each property name with the value you read (null: none)' });

const newSource = z
  .object({
    ref: ref.optional(),
    key: key.optional(),
    title: text('the article title', 500),
    publisher: text('who published it', 200),
    url,
    published: date,
    text: z
      .string({ message: 'must be the article as text' })
      .max(1_000_000, 'must be at most 1,000,000 characters')
      .refine((value) => !CONTROL.test(value), 'holds control characters (is it a binary file?): paste the text of the article, or open a .txt, .md or .html file')
      .optional(),
  })
  .strict();

const evidence = z.object({ source: z.union([ref, newSource]), quote: text('a quote from the source', 2000) }).strict();

const operation = z.discriminatedUnion(
  'op',
  [
    z
      .object({ op: z.literal('createNode'), ref: ref.optional(), key: key.optional(), label: name('label'), name: text('the display name', 500), aliases: z.array(text('an alias', 500)).max(100).optional(), properties: properties.optional() })
      .strict(),
    newSource.extend({ op: z.literal('createSource') }).strict(),
    z.object({ op: z.literal('editNode'), node: ref, set: properties.optional(), unset: unset.optional(), expected: expected.optional() }).strict(),
    z
      .object({ op: z.literal('createRelationship'), ref: ref.optional(), key: key.optional(), type: name('relationship type'), from: ref, to: ref, properties: properties.optional(), evidence: z.array(evidence).max(100).optional() })
      .strict(),
    z.object({ op: z.literal('editRelationship'), relationship: ref, set: properties.optional(), unset: unset.optional(), expected: expected.optional() }).strict(),
    z.object({ op: z.literal('addEvidence'), relationship: ref, evidence: z.array(evidence).min(1).max(100) }).strict(),
    z.object({ op: z.literal('deleteRelationship'), relationship: ref }).strict(),
    z.object({ op: z.literal('deleteNode'), node: ref, confirm: z.boolean().optional() }).strict(),
    z.object({ op: z.literal('mergeNodes'), survivor: ref, duplicate: ref }).strict(),
    z
      .object({
        op: z.literal('commitArticle'),
        source: newSource.omit({ ref: true }),
        entities: z
          .array(
            z
              .object({ ref, existing: ref.optional(), key: key.optional(), label: name('label').optional(), name: text('the display name', 500).optional(), aliases: z.array(text('an alias', 500)).max(100).optional(), properties: properties.optional() })
              .strict(),
          )
          .max(MAX_OPERATIONS),
        relationships: z
          .array(z.object({ from: ref, to: ref, type: name('relationship type'), quote: text('the sentence that states it', 2000), properties: properties.optional(), existing: ref.optional() }).strict())
          .max(MAX_OPERATIONS),
      })
      .strict(),
  ],
  { message: "must have an 'op': createNode, createSource, editNode, createRelationship, editRelationship, addEvidence, deleteRelationship, deleteNode, mergeNodes or commitArticle" },
);

const changeRequest = z
  .object({
    comment: text('what the change is and why', 2000),
    author: text('who makes it', 100).optional(),
    dryRun: z.boolean().optional(),
    operations: z.array(operation, { message: 'must be a list of operations' }).min(1, 'must list at least one operation').max(MAX_OPERATIONS, `must list at most ${MAX_OPERATIONS} operations`),
  })
  .strict();

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
  issues?: Issue[];
}

/** The innermost issue of a union or record-key issue: the branch that got furthest, with its full path. */
function innermost(issue: Issue): Issue {
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const branches = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    const branch = branches[0] ?? issue.errors[0]!;
    const inner = branch[0];
    if (inner) return innermost({ ...inner, path: [...issue.path, ...inner.path] });
  }
  if (issue.code === 'invalid_key' && issue.issues?.[0]) {
    const key = issue.path[issue.path.length - 1];
    return { ...issue.issues[0], path: issue.path, message: `'${String(key)}': ${issue.issues[0].message}` };
  }
  return issue;
}

function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the body';
  const message = issue.code === 'unrecognized_keys' ? `unknown field${(issue.keys ?? []).length > 1 ? 's' : ''} ${(issue.keys ?? []).map((k) => `'${k}'`).join(', ')}` : issue.message;
  return `${where}: ${message}`;
}

/** The request body as a change, or ChangeRefusedError naming the field and what it must be. */
export function parseChangeRequest(body: unknown): ChangeRequest {
  const result = changeRequest.safeParse(body ?? {});
  if (result.success) return result.data as ChangeRequest;
  const issues = (result.error.issues as unknown as Issue[]).slice(0, 5).map(innermost);
  const rule = issues.some((issue) => issue.message.includes('letters, digits and underscores')) ? 'names.identifier' : 'request.shape';
  throw new ChangeRefusedError(rule, `The change was not applied (nothing was written): ${issues.map(describeIssue).join('; ')}.`);
}

/** The author of a change: the body's, else the X-Fingraph-Author header's, else "local". */
export function changeAuthor(given: string | undefined, header: unknown): string {
  if (given !== undefined) return given;
  if (typeof header === 'string' && header.trim() !== '') {
    const trimmed = header.trim();
    if (trimmed.length > 100 || CONTROL.test(trimmed)) throw new ChangeRefusedError('request.author', 'X-Fingraph-Author must be a name of at most 100 characters without control characters.');
    return trimmed;
  }
  return 'local';
}

/** A stable key from a name: "China Construction Bank Corp" → "china-construction-bank-corp". Pure. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'entity' : slug;
}
