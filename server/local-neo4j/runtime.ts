/**
 * The local Neo4j runtime: the Maven project in neo4j/ that resolves Neo4j 5.26 Community and its Bolt
 * connector from Maven Central and builds the launcher. Resolving is done once; later starts need no
 * network.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { LocalNeo4jError } from './errors';

export const RUNTIME_DIR = path.join(PROJECT_ROOT, 'neo4j');
const TARGET_DIR = path.join(RUNTIME_DIR, 'target');
const STAMP_FILE = path.join(TARGET_DIR, 'fingraph-runtime.stamp');

/** The Java class path of the launcher and of Neo4j's jars. */
export const CLASS_PATH = [path.join(TARGET_DIR, 'classes'), path.join(TARGET_DIR, 'lib', '*')].join(path.delimiter);
export const LAUNCHER_CLASS = 'dev.fingraph.neo4j.Launcher';

function runtimeFingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [path.join(RUNTIME_DIR, 'pom.xml'), ...listFiles(path.join(RUNTIME_DIR, 'src'))];
  for (const file of inputs.sort()) {
    hash.update(path.relative(RUNTIME_DIR, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export function isRuntimeInstalled(): boolean {
  return fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, 'utf8').trim() === runtimeFingerprint();
}

/** Java 17 or newer must be on the PATH; returns its major version. */
export function checkJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', env: process.env });
  if (result.error) {
    throw new LocalNeo4jError(
      'Java was not found on the PATH. The local Neo4j needs Java 17 or newer: install it (e.g. `apt-get install openjdk-17-jre-headless`), or point Fingraph at your own Neo4j with NEO4J_URI.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new LocalNeo4jError(
      `Java ${Number.isNaN(major) ? '(unknown version)' : major} was found, but the local Neo4j needs Java 17 or newer. Install a newer Java, or set NEO4J_URI to use your own Neo4j.`,
    );
  }
  return major;
}

function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8', env: process.env });
  if (result.error) {
    throw new LocalNeo4jError(
      'Maven (mvn) was not found on the PATH. The first start resolves Neo4j from Maven Central with it: install Maven (e.g. `apt-get install maven`), or set NEO4J_URI to use your own Neo4j.',
    );
  }
}

/**
 * Resolves Neo4j's jars and builds the launcher unless that was done for the current pom.xml and
 * sources. `onProgress` receives one line per artifact Maven downloads.
 */
export async function installRuntime(onProgress: (line: string) => void = () => {}): Promise<'installed' | 'up-to-date'> {
  checkJava();
  if (isRuntimeInstalled()) return 'up-to-date';
  checkMaven();
  onProgress('Resolving Neo4j 5.26 Community from Maven Central (first run only, about 120 MB)...');
  const fingerprint = runtimeFingerprint();
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-ntp', '-Dtransfer.progress=false', 'package'], {
      cwd: RUNTIME_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let downloads = 0;
    const onLine = (line: string): void => {
      output.push(line);
      if (output.length > 200) output.shift();
      if (/Downloaded from/.test(line)) {
        downloads += 1;
        if (downloads % 25 === 0) onProgress(`  ${downloads} artifacts downloaded...`);
      } else if (/BUILD SUCCESS|Copying|Compiling/.test(line)) {
        onProgress(`  ${line.replace(/^\[INFO\]\s*/, '')}`);
      }
    };
    for (const stream of [mvn.stdout, mvn.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    mvn.on('error', reject);
    mvn.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) {
    throw new LocalNeo4jError(
      `Maven could not resolve or build the local Neo4j runtime (exit ${code}). Check that Maven Central is reachable. Last lines:\n${output.slice(-25).join('\n')}`,
    );
  }
  fs.writeFileSync(STAMP_FILE, `${fingerprint}\n`);
  onProgress('Neo4j runtime ready.');
  return 'installed';
}
