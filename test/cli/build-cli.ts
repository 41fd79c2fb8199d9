// vitest globalSetup. The CLI tests run the built binary; when they ran bin/stockcast.js ->
// dist/, any `npm run build` beside them (a bench, another `npm test`, an editor's watch) rewrote
// dist/ file by file under the running children, which then failed to import half-written or
// missing modules. So the tests get their own build: src/ compiled once per content into
// node_modules/.cache/stockcast-cli/<hash>/ (bin/ copied beside dist/, as in the package),
// published by one rename, never written again. run-cli.ts takes its BIN from there.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding bin/stockcast.js and dist/ of the build the CLI tests run. */
    cliRoot: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'stockcast-cli');
const STALE_MS = 24 * 3600_000;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name))
    .sort();
}

function contentHash(): string {
  const hash = createHash('sha256');
  for (const file of [path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'tsconfig.build.json'), path.join(ROOT, 'bin', 'stockcast.js'), ...sourceFiles(path.join(ROOT, 'src'))]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function build(target: string): void {
  const temporary = `${target}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(temporary, 'dist')], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(path.join(temporary, 'bin'));
  copyFileSync(path.join(ROOT, 'bin', 'stockcast.js'), path.join(temporary, 'bin', 'stockcast.js'));
  // Node's package scope stops at node_modules/, so ROOT's "type": "module" does not reach here.
  writeFileSync(path.join(temporary, 'package.json'), '{"type":"module"}\n');
  try {
    renameSync(temporary, target);
  } catch (error) {
    // Another run published the same content first: use it.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
}

export default function setup(project: TestProject): void {
  const target = path.join(CACHE, contentHash());
  if (!existsSync(target)) {
    mkdirSync(CACHE, { recursive: true });
    build(target);
  }
  const now = Date.now();
  for (const entry of readdirSync(CACHE)) {
    const folder = path.join(CACHE, entry);
    if (folder !== target && now - statSync(folder).mtimeMs > STALE_MS) rmSync(folder, { recursive: true, force: true });
  }
  project.provide('cliRoot', target);
}
