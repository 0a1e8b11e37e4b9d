/**
 * Filling the few parts of a query that Cypher cannot take as parameters: labels and relationship
 * types (as static names, so that Neo4j can use its counts and degree stores), a relationship
 * pattern's direction, and a hop bound. Every value is checked here; a label or type must be one that
 * the database reported (the caller's allow-list), and is written backtick-quoted. Pure.
 */

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** A name as a Cypher identifier: backtick-quoted, backticks doubled. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.length > 512 || name.includes('\0')) throw new TemplateError(`'${name}' cannot be a Cypher name.`);
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A name that must be in the allow-list the database gave, quoted. */
export function allowedIdentifier(name: string, allowed: ReadonlySet<string>): string {
  if (!allowed.has(name)) throw new TemplateError(`'${name}' is not a name the database reported.`);
  return quoteIdentifier(name);
}

export type Fill = { kind: 'raw-fixed'; text: string } | { kind: 'integer'; value: number; min: number; max: number };

/** Replaces each {{name}} of the template; a placeholder without a value, or a value without a placeholder, is an error. */
export function renderTemplate(template: string, fills: Record<string, string | Fill>): string {
  const used = new Set<string>();
  const text = template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const fill = fills[name];
    if (fill === undefined) throw new TemplateError(`The query needs a value for {{${name}}}.`);
    used.add(name);
    if (typeof fill === 'string') return fill;
    if (fill.kind === 'raw-fixed') return fill.text;
    if (!Number.isInteger(fill.value) || fill.value < fill.min || fill.value > fill.max) {
      throw new TemplateError(`{{${name}}} must be a whole number between ${fill.min} and ${fill.max}.`);
    }
    return String(fill.value);
  });
  const unused = Object.keys(fills).filter((name) => !used.has(name));
  if (unused.length > 0) throw new TemplateError(`The query has no placeholder {{${unused[0]}}}.`);
  return text;
}
