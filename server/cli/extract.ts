/**
 * `npm run extract -- ARTICLE --title … --publisher … [--url …] [--date YYYY-MM-DD] [--known FILE…]`:
 * prints the candidate entities and relationships of a .txt, .md or .html article in the seed's
 * import format, for a person to edit and load with `npm run import`. The names of the default
 * dataset (and of the --known files, of the same format) are the entities the graph already has;
 * nothing is written and no database is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_EXTRACT_WORDS } from '../contract/extract';
import { ApiError } from '../errors';
import { DatasetError, loadModel, readDataFile, seedFiles } from '../seed';
import { articleText, checkSource } from '../services/article-extraction';
import { extractCandidates, importFileText, type ExistingRelationship, type KnownEntity } from '../services/extract';
import { runMain } from './main';

const USAGE = 'Usage: npm run extract -- ARTICLE.txt|.md|.html --title TITLE --publisher PUBLISHER [--url URL] [--date YYYY-MM-DD] [--known FILE.yaml ...]';

class UsageError extends DatasetError {}

function parseArguments(argv: string[]): { file: string; options: Record<string, string>; known: string[] } {
  const options: Record<string, string> = {};
  const known: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? '';
    if (argument.startsWith('--')) {
      const name = argument.slice(2);
      const value = argv[i + 1];
      if (!['title', 'publisher', 'url', 'date', 'known'].includes(name)) throw new UsageError([`unknown option ${argument}. ${USAGE}`]);
      if (value === undefined || value.startsWith('--')) throw new UsageError([`${argument} needs a value. ${USAGE}`]);
      if (name === 'known') known.push(value);
      else options[name] = value;
      i += 1;
    } else files.push(argument);
  }
  if (files.length !== 1) throw new UsageError([`${files.length === 0 ? 'name the article file' : 'name one article file'}. ${USAGE}`]);
  for (const required of ['title', 'publisher']) if (!options[required]) throw new UsageError([`--${required} is required (the import format needs the source's title and publisher). ${USAGE}`]);
  return { file: files[0] ?? '', options, known };
}

/** The relationships of import files, by their ids (from-type-to unless given), so that a fact found again is marked. */
function knownRelationships(files: string[]): ExistingRelationship[] {
  return files.flatMap((file) => {
    const content = readDataFile(file).content as { relationships?: Array<{ id?: unknown; type?: unknown; from?: unknown; to?: unknown }> } | null;
    return (content?.relationships ?? []).flatMap((relationship) =>
      typeof relationship.type === 'string' && typeof relationship.from === 'string' && typeof relationship.to === 'string'
        ? [{ id: typeof relationship.id === 'string' ? relationship.id : `${relationship.from}-${relationship.type.toLowerCase().replace(/_/g, '-')}-${relationship.to}`, type: relationship.type, fromId: relationship.from, toId: relationship.to }]
        : [],
    );
  });
}

/** The named entities of import files, by their ids. */
function knownEntities(files: string[]): KnownEntity[] {
  return files.flatMap((file) => {
    const content = readDataFile(file).content as { nodes?: Array<{ id?: unknown; label?: unknown; name?: unknown; aliases?: unknown }> } | null;
    return (content?.nodes ?? []).flatMap((node) =>
      typeof node.id === 'string' && typeof node.name === 'string'
        ? [{ id: node.id, name: node.name, label: typeof node.label === 'string' ? node.label : 'Company', aliases: Array.isArray(node.aliases) ? node.aliases.filter((alias): alias is string => typeof alias === 'string') : [] }]
        : [],
    );
  });
}

runMain(async () => {
  const { file, options, known } = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(file)) throw new UsageError([`${file}: no such file.`]);
  const extension = path.extname(file).toLowerCase();
  if (!['.txt', '.md', '.markdown', '.html', '.htm'].includes(extension)) throw new UsageError([`${file}: must be a .txt, .md or .html file.`]);
  if (fs.statSync(file).size > MAX_EXTRACT_WORDS * 40) throw new UsageError([`${file}: is ${fs.statSync(file).size.toLocaleString('en-US')} bytes; an article of at most ${MAX_EXTRACT_WORDS.toLocaleString('en-US')} words is expected.`]);
  const bytes = fs.readFileSync(file);
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const isHtml = extension === '.html' || extension === '.htm';
  let text: string;
  try {
    checkSource({ title: options.title, publisher: options.publisher, url: options.url, published: options.date });
    text = articleText(isHtml ? { html: raw } : { text: raw });
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError([`${file}: ${error.message.replace(/"source\.published"/, '--date').replace(/"source\.url"/, '--url')}`]);
    throw error;
  }
  const graphFiles = [...seedFiles(), ...known];
  const extraction = extractCandidates(text, knownEntities(graphFiles), loadModel(), knownRelationships(graphFiles));
  if (extraction.entities.length === 0) console.error(`fingraph: ${file} names no entity that extraction recognises; the file below has no nodes or relationships.`);
  process.stdout.write(importFileText(extraction, { title: options.title ?? '', publisher: options.publisher ?? '', url: options.url, date: options.date, file: path.basename(file) }));
});
