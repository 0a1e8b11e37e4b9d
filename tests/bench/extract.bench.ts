/**
 * `npm run bench:extract`: extraction on the two source articles of the default dataset, against an
 * empty graph (no known names), compared with the curated dataset (seed/dataset/*.yaml): entity
 * recall, relationship recall and precision (same ends, type and direction; symmetric types either
 * way), and the time to extract a 1,000-word article (p50/p95 after warm-up). The articles are not
 * part of the project: they sit in ../shared/sources beside it (or SOURCES_DIR); without them the benchmark says so
 * and skips. For comparison, the organisations and people compromise's rules find. Then the same
 * figures on the unseen set of articles written for this project (tests/fixtures/extract-unseen/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { PROJECT_ROOT } from '../../server/config';
import { loadModel, readDataFile, seedFiles } from '../../server/seed';
import { extractCandidates, KnownIndex, type Extraction, type KnownEntity } from '../../server/services/extract';
import { goldFor, matches, percent, type GoldEntity } from './extract-score';
import { unseenTables } from './extract-unseen';

const SOURCES_DIR = process.env.SOURCES_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'sources');
const log = (line: string): void => console.log(line);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function main(): void {
  const model = loadModel();
  const files = seedFiles().map(readDataFile);
  const data = files.map((file) => file.content as { sources?: Array<{ id: string; file?: string }>; nodes?: GoldEntity[]; relationships?: Array<{ type: string; from: string; to: string; evidence: Array<{ source: string }> }> });
  const sources = data.flatMap((file) => file.sources ?? []);
  const gold = data.flatMap((file) => file.nodes ?? []).map((node) => ({ id: node.id, label: node.label, name: node.name, aliases: node.aliases ?? [] }));
  const goldRelationships = data.flatMap((file) => file.relationships ?? []);
  const missing = sources.filter((source) => !source.file || !fs.existsSync(path.join(SOURCES_DIR, source.file)));
  if (missing.length > 0) {
    log(`bench:extract skipped: the source articles are not in ${SOURCES_DIR} (missing: ${missing.map((source) => source.file ?? source.id).join(', ')}). They are not part of the project; put the shared folder beside it to run this benchmark.`);
    unseenTables(model, log);
    return;
  }
  const symmetric = (type: string): boolean => model.relationshipTypes[type]?.symmetric ?? false;
  const key = (from: string, type: string, to: string): string => (symmetric(type) && to < from ? `${to}|${type}|${from}` : `${from}|${type}|${to}`);
  const goldKeys = new Set(goldRelationships.map((relationship) => key(relationship.from, relationship.type, relationship.to)));

  const found = new Set<string>();
  const candidateKeys = new Set<string>();
  const wrong: string[] = [];
  let candidateCount = 0;
  let compromiseFound = new Set<string>();
  const texts: string[] = [];
  for (const source of sources) {
    const text = fs.readFileSync(path.join(SOURCES_DIR, source.file ?? ''), 'utf8');
    texts.push(text);
    const extraction: Extraction = extractCandidates(text, [], model);
    const goldOf = new Map<string, string>();
    for (const entity of extraction.entities) {
      const match = goldFor(entity, gold);
      if (match) {
        goldOf.set(entity.key, match.id);
        found.add(match.id);
      }
    }
    for (const relationship of extraction.relationships) {
      candidateCount += 1;
      const from = goldOf.get(relationship.from);
      const to = goldOf.get(relationship.to);
      const id = from && to ? key(from, relationship.type, to) : `?${relationship.from}|${relationship.type}|${relationship.to}`;
      if (candidateKeys.has(id)) continue;
      candidateKeys.add(id);
      if (!goldKeys.has(id)) wrong.push(`${source.id}: ${relationship.from} ${relationship.type} ${relationship.to}`);
    }
    const doc = nlp(text);
    const names = [...doc.organizations().out('array'), ...doc.people().out('array')] as string[];
    compromiseFound = new Set([...compromiseFound, ...gold.filter((entity) => names.some((name) => matches({ name: name.replace(/[.,;:]+$/, ''), aliases: [] }, entity))).map((entity) => entity.id)]);
  }
  // The same with the dataset's names and relationships in the graph (as the API on a seeded database):
  // how many facts come back as evidence for the relationship the graph has (existingId).
  const seededGraph = gold.map((entity) => ({ id: entity.id, name: entity.name, label: entity.label, aliases: entity.aliases }));
  const existingRelationships = goldRelationships.map((relationship) => ({ id: key(relationship.from, relationship.type, relationship.to), type: relationship.type, fromId: relationship.from, toId: relationship.to }));
  const againKeys = new Set<string>();
  let againCount = 0;
  for (const text of texts) {
    for (const relationship of extractCandidates(text, seededGraph, model, existingRelationships).relationships) {
      againCount += 1;
      if (relationship.existingId) againKeys.add(relationship.existingId);
    }
  }
  const right = [...candidateKeys].filter((id) => goldKeys.has(id));
  log(`bench:extract on ${sources.length} articles, an empty graph`);
  log(`entities:      recall ${percent(found.size, gold.length)} (${found.size} of ${gold.length}; target ≥ 90%)`);
  log(`  not found:   ${gold.filter((entity) => !found.has(entity.id)).map((entity) => entity.id).join(', ') || 'none'}`);
  log(`relationships: recall ${percent(right.length, goldKeys.size)} (${right.length} of ${goldKeys.size}; target ≥ 80%), precision ${percent(right.length, candidateKeys.size)} (${right.length} of ${candidateKeys.size} distinct candidates; target ≥ 60%)`);
  log(`  not found:   ${[...goldKeys].filter((id) => !candidateKeys.has(id)).join(', ') || 'none'}`);
  log(`  not curated: ${wrong.join('; ') || 'none'}`);
  log(`with the dataset in the graph: ${againKeys.size} of ${goldKeys.size} curated relationships found again as existingId, ${againCount} candidates in all`);
  log(`compromise (organizations + people, for comparison): entity recall ${percent(compromiseFound.size, gold.length)} (${compromiseFound.size} of ${gold.length})`);

  // Speed: a 1,000-word article made of the two texts, cut at 1,000 words.
  const words = texts.join('\n').split(/(\s+)/);
  let article = '';
  let count = 0;
  for (const part of [...words, ...words]) {
    if (/\S/.test(part)) count += 1;
    if (count > 1000) break;
    article += part;
  }
  const time = (known: KnownEntity[] | KnownIndex): { p50: number; p95: number } => {
    for (let i = 0; i < 10; i += 1) extractCandidates(article, known, model);
    const times: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const start = performance.now();
      extractCandidates(article, known, model);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const empty = time([]);
  log(`speed: 1,000-word article, 100 runs after 10 warm-up, empty graph: p50 ${empty.p50.toFixed(1)} ms, p95 ${empty.p95.toFixed(1)} ms (target p95 ≤ 1,000 ms); ${candidateCount} candidate relationships in ${sources.length} articles`);
  const seedNames: KnownEntity[] = gold.map((entity) => ({ id: entity.id, name: entity.name, label: entity.label, aliases: entity.aliases }));
  const many: KnownEntity[] = [...seedNames, ...Array.from({ length: 50_000 }, (_, i) => ({ id: `n${i}`, name: `Entity ${i} Holdings Ltd`, label: 'Company', aliases: [`Entity ${i}`, `E${i}X`] }))];
  const seeded = time(new KnownIndex(seedNames));
  const start = performance.now();
  const index = new KnownIndex(many);
  const indexing = performance.now() - start;
  const large = time(index);
  log(`speed with known names: the dataset's ${seedNames.length}: p50 ${seeded.p50.toFixed(1)} ms, p95 ${seeded.p95.toFixed(1)} ms; 50,000 more (the API reads at most that many): p50 ${large.p50.toFixed(1)} ms, p95 ${large.p95.toFixed(1)} ms, after indexing them once in ${indexing.toFixed(0)} ms`);
  unseenTables(model, log);
}

main();
