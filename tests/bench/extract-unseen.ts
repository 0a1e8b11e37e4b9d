/**
 * The second table of `npm run bench:extract`: extraction on the unseen evaluation set
 * (tests/fixtures/extract-unseen/, articles written for this project, not the dataset's sources),
 * against an empty graph, per article and overall; the articles marked `heldOut` (written after the
 * rules were changed) in a table of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';
import type { Model } from '../../server/seed';
import { articleText } from '../../server/services/article-extraction';
import { extractCandidates } from '../../server/services/extract';
import { goldFor, missed, percent, score, type GoldEntity, type GoldRelationship, type Score } from './extract-score';

export const UNSEEN_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'extract-unseen');

export interface UnseenArticle {
  name: string;
  style: string;
  heldOut: boolean;
  text: string;
  entities: GoldEntity[];
  relationships: GoldRelationship[];
}

/** The articles of the set: each `NAME.expected.json` with its `NAME.txt`, `.md` or `.html`. */
export function readUnseenArticles(dir = UNSEEN_DIR): UnseenArticle[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.expected.json'.length);
      const article = ['.txt', '.md', '.html'].map((extension) => path.join(dir, name + extension)).find((candidate) => fs.existsSync(candidate));
      if (!article) throw new Error(`${file}: no ${name}.txt, .md or .html beside it.`);
      const raw = fs.readFileSync(article, 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { style?: string; heldOut?: boolean; entities: Array<Omit<GoldEntity, 'aliases'> & { aliases?: string[] }>; relationships: GoldRelationship[] };
      const ids = new Set(expected.entities.map((entity) => entity.id));
      for (const relationship of expected.relationships) {
        for (const end of [relationship.from, relationship.to]) if (!ids.has(end)) throw new Error(`${file}: relationship ${relationship.from} ${relationship.type} ${relationship.to} names "${end}", which is not one of its entities.`);
      }
      return {
        name,
        style: expected.style ?? '',
        heldOut: expected.heldOut === true,
        text: articleText(article.endsWith('.html') ? { html: raw } : { text: raw }),
        entities: expected.entities.map((entity) => ({ ...entity, aliases: entity.aliases ?? [] })),
        relationships: expected.relationships,
      };
    });
}

function row(name: string, result: Pick<Score, 'entitiesFound' | 'labelsRight' | 'goldEntities'> & { right: number; gold: number; candidates: number }): string {
  const cell = (text: string, width: number): string => text.padEnd(width);
  return [
    cell(name, 26),
    cell(`${percent(result.entitiesFound.size, result.goldEntities)} (${result.entitiesFound.size}/${result.goldEntities})`, 17),
    cell(`${percent(result.labelsRight.size, result.entitiesFound.size)} (${result.labelsRight.size}/${result.entitiesFound.size})`, 17),
    cell(`${percent(result.right, result.gold)} (${result.right}/${result.gold})`, 17),
    `${percent(result.right, result.candidates)} (${result.right}/${result.candidates})`,
  ].join(' ');
}

/** Prints one table (per article, then overall) and, under it, what each article missed and added. */
function table(title: string, articles: UnseenArticle[], model: Model, log: (line: string) => void): void {
  if (articles.length === 0) return;
  log('');
  log(title);
  log(`${'article'.padEnd(26)} ${'entity recall'.padEnd(17)} ${'labels right'.padEnd(17)} ${'rel. recall'.padEnd(17)} rel. precision`);
  const details: string[] = [];
  const total = { entitiesFound: new Set<string>(), labelsRight: new Set<string>(), goldEntities: 0, right: 0, gold: 0, candidates: 0 };
  for (const article of articles) {
    const extraction = extractCandidates(article.text, [], model);
    const result = score(extraction, article.entities, article.relationships, model);
    const extra = extraction.entities.filter((entity) => !goldFor(entity, article.entities)).map((entity) => entity.name);
    const right = [...result.candidates].filter((id) => result.goldRelationships.has(id)).length;
    log(row(article.name, { ...result, right, gold: result.goldRelationships.size, candidates: result.candidates.size }));
    for (const id of result.entitiesFound) total.entitiesFound.add(`${article.name}/${id}`);
    for (const id of result.labelsRight) total.labelsRight.add(`${article.name}/${id}`);
    total.goldEntities += result.goldEntities;
    total.right += right;
    total.gold += result.goldRelationships.size;
    total.candidates += result.candidates.size;
    const notFound = article.entities.filter((entity) => !result.entitiesFound.has(entity.id)).map((entity) => entity.id);
    const mislabelled = article.entities.filter((entity) => result.entitiesFound.has(entity.id) && !result.labelsRight.has(entity.id)).map((entity) => `${entity.id} (not ${entity.label})`);
    details.push(`  ${article.name}: entities not found: ${notFound.join(', ') || 'none'}; labels wrong: ${mislabelled.join(', ') || 'none'}; candidates not expected (${extra.length}): ${extra.join(', ') || 'none'}`);
    details.push(`    relationships not found: ${missed(result).join(', ') || 'none'}`);
    details.push(`    not expected: ${result.wrong.join('; ') || 'none'}`);
  }
  log(row('overall', total));
  for (const line of details) log(line);
}

/** The unseen set's tables: the set, then the held-out articles. */
export function unseenTables(model: Model, log: (line: string) => void): void {
  const articles = readUnseenArticles();
  table(`unseen set (${UNSEEN_DIR.replace(`${PROJECT_ROOT}/`, '')}), an empty graph`, articles.filter((article) => !article.heldOut), model, log);
  table('held out (written after the last rule changes), an empty graph', articles.filter((article) => article.heldOut), model, log);
}
