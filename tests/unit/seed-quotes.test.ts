/**
 * Every quote of the default dataset appears verbatim in its source article. The article texts are
 * not part of the project: they sit in ../shared/sources/ beside it (here and in CI). Where that
 * folder is absent, as in a user's clone, this test is skipped and says so.
 * "Verbatim" compares with whitespace runs as one space: the articles use non-breaking spaces in
 * places, which the quotes write as plain spaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATASET_DIR, loadSeedDataset, parseDatasetFiles, readDataFile, seedFiles } from '../../server/seed';

const SOURCES_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'sources');
const present = fs.existsSync(SOURCES_DIR);
const normalise = (text: string): string => text.replace(/\s+/gu, ' ').trim();

if (!present) {
  console.warn(`Skipped: the quote check needs the source articles in ${SOURCES_DIR}, which is absent.`);
}

(present ? test : test.skip)('every quote in the seed appears verbatim in the article it cites', () => {
  const files = parseDatasetFiles(seedFiles(DATASET_DIR).map(readDataFile));
  const articles = new Map(
    files.flatMap(({ data }) => data.sources).map((source) => {
      expect(source.file).toBeDefined();
      return [source.id, normalise(fs.readFileSync(path.join(SOURCES_DIR, source.file ?? ''), 'utf8'))];
    }),
  );
  const quotes = loadSeedDataset().relationships.flatMap((relationship) =>
    relationship.evidence.map(({ source, quote }) => ({ where: relationship.id, sourceId: source, quote })),
  );
  const nodeQuotes = files.flatMap(({ data }) => data.nodes.flatMap((node) => node.evidence.map((e) => ({ where: node.id, sourceId: e.source, quote: e.quote }))));
  const all = [...quotes, ...nodeQuotes];
  expect(all.length).toBeGreaterThan(50);
  const missing = all.filter(({ sourceId, quote }) => !articles.get(sourceId)?.includes(normalise(quote)));
  expect(missing).toEqual([]);
});
