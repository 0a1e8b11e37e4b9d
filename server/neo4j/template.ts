/**
 * Filling the few parts of a query that Cypher cannot take as parameters: labels and relationship
 * types (as static names, so that Neo4j can use its counts and degree stores), a relationship
 * pattern's direction, and a hop bound. What goes in is typed so that user text cannot: a name is an
 * `Identifier`, which only `allowedIdentifier` makes (from a name in the allow-list the database or
 * the model gave, backtick-quoted); a piece of Cypher is a `CypherFragment`, which only the `cypher`
 * tag makes (from text written in the code, with identifiers and fragments in its gaps); a number is
 * checked against its bounds. Pure.
 */

export class TemplateError extends Error {
  override name = 'TemplateError';
}

declare const identifierBrand: unique symbol;
/** A label, type or property name from an allow-list, quoted: made only by `allowedIdentifier`. */
export type Identifier = string & { readonly [identifierBrand]: true };

declare const fragmentBrand: unique symbol;
/** Cypher written in the code, with only identifiers and fragments in it: made only by `cypher`. */
export type CypherFragment = string & { readonly [fragmentBrand]: true };

/** A name as a Cypher identifier: backtick-quoted, backticks doubled. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.length > 512 || name.includes('\0')) throw new TemplateError(`'${name}' cannot be a Cypher name.`);
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A name that must be in the allow-list the database (or the model) gave, quoted. */
export function allowedIdentifier(name: string, allowed: ReadonlySet<string>): Identifier {
  if (!allowed.has(name)) throw new TemplateError(`'${name}' is not a name the database reported.`);
  return quoteIdentifier(name) as Identifier;
}

/**
 * A piece of Cypher for a {{placeholder}}: the literal text is the code's own (a template literal's
 * strings cannot come from a request), its gaps take only identifiers and other fragments.
 */
export function cypher(strings: TemplateStringsArray, ...parts: Array<Identifier | CypherFragment>): CypherFragment {
  return strings.reduce((text, literal, index) => text + literal + (index < parts.length ? parts[index]! : ''), '') as CypherFragment;
}

/** Fragments joined by a fixed separator (a list's comma, a type union's bar). */
export function joinFragments(parts: Array<Identifier | CypherFragment>, separator: ', ' | '|'): CypherFragment {
  return parts.join(separator) as CypherFragment;
}

export type Fill = Identifier | CypherFragment | { kind: 'integer'; value: number; min: number; max: number };

/** Replaces each {{name}} of the template; a placeholder without a value, or a value without a placeholder, is an error. */
export function renderTemplate(template: string, fills: Record<string, Fill>): string {
  const used = new Set<string>();
  const text = template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const fill = fills[name];
    if (fill === undefined) throw new TemplateError(`The query needs a value for {{${name}}}.`);
    used.add(name);
    if (typeof fill === 'string') return fill;
    if (!Number.isInteger(fill.value) || fill.value < fill.min || fill.value > fill.max) {
      throw new TemplateError(`{{${name}}} must be a whole number between ${fill.min} and ${fill.max}.`);
    }
    return String(fill.value);
  });
  const unused = Object.keys(fills).filter((name) => !used.has(name));
  if (unused.length > 0) throw new TemplateError(`The query has no placeholder {{${unused[0]}}}.`);
  return text;
}
