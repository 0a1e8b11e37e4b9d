/** Reading the model and dataset files (YAML or JSON) from disk. */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PROJECT_ROOT } from '../config';
import { modelFile, type Model } from './format';
import { DatasetError, type DatasetInput } from './validate';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
export const MODEL_FILE = path.join(SEED_DIR, 'model.yaml');
export const DATASET_DIR = path.join(SEED_DIR, 'dataset');

/** Reads one YAML or JSON file. Throws DatasetError naming the file and the line of a syntax error. */
export function readDataFile(file: string): DatasetInput {
  const relative = path.relative(process.cwd(), file);
  const shown = relative === '' || relative.startsWith('..') ? path.resolve(file) : relative;
  if (!fs.existsSync(file)) throw new DatasetError([`${shown}: file: does not exist`]);
  if (!/\.(ya?ml|json)$/i.test(file)) throw new DatasetError([`${shown}: file: must be a .yaml, .yml or .json file`]);
  const text = fs.readFileSync(file, 'utf8');
  try {
    return { file: shown, content: /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true }) };
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new DatasetError([`${shown}: file: is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
}

export function loadModel(file: string = MODEL_FILE): Model {
  const { file: shown, content } = readDataFile(file);
  const result = modelFile.safeParse(content);
  if (!result.success) {
    throw new DatasetError(result.error.issues.map((issue) => `${shown}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`));
  }
  return result.data;
}

/** The default dataset's files, in name order. */
export function seedFiles(dir: string = DATASET_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}
