import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { ROOT } from './cli/run-cli.js';

// Layers (STYLE.md): cli -> pipeline -> io, core. Imports point down only; core is pure.
const LAYERS = ['core', 'io', 'pipeline', 'cli'] as const;
const ALLOWED: Record<(typeof LAYERS)[number], readonly string[]> = {
  core: ['core'],
  io: ['io', 'core'],
  pipeline: ['pipeline', 'io', 'core'],
  cli: ['cli', 'pipeline', 'core', 'io'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const SRC = path.join(ROOT, 'src');
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);

describe('architecture', () => {
  it('imports point down the layers only', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const layer = path.relative(SRC, file).split(path.sep)[0];
      if (!(LAYERS as readonly string[]).includes(layer)) continue;
      for (const target of imports(file)) {
        if (!target.startsWith('.')) continue;
        const resolved = path.relative(SRC, path.resolve(path.dirname(file), target));
        const targetLayer = resolved.split(path.sep)[0];
        if (!(LAYERS as readonly string[]).includes(targetLayer)) continue;
        if (!ALLOWED[layer as (typeof LAYERS)[number]].includes(targetLayer)) violations.push(`${path.relative(ROOT, file)} -> ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('core imports no node: module, no console, no clock and no Math.random', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(path.join(SRC, 'core'))) {
      const text = readFileSync(file, 'utf8');
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (imports(file).some((t) => t.startsWith('node:'))) violations.push(`${file}: imports a node: module`);
      if (/\bconsole\./.test(code)) violations.push(`${file}: console`);
      if (/Math\.random|Date\.now|new Date\(/.test(code)) violations.push(`${file}: clock or Math.random`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps the version in step with package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
