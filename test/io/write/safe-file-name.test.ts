import fc from 'fast-check';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName, safeFileNames } from '../../../src/io/write/safe-file-name.js';

const FOLDER = '/out/suppliers';

describe('safeFileName', () => {
  it('keeps ordinary names, spaces and letters of any script', () => {
    expect(safeFileName('ACME Ltd')).toBe('ACME Ltd');
    expect(safeFileName('Müller & Söhne GmbH')).toBe('Müller & Söhne GmbH');
    expect(safeFileName('東京商事')).toBe('東京商事');
  });

  it('turns path tricks into one harmless segment', () => {
    expect(safeFileName('../../x')).toBe('___.._x');
    expect(safeFileName('..')).toBe('__');
    expect(safeFileName('.hidden')).toBe('_hidden');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('tab\there\u0000nul\u007f')).toBe('tab_here_nul_');
    expect(safeFileName('Co., Ltd.')).toBe('Co., Ltd');
    expect(safeFileName('... ')).toBe('___');
    expect(safeFileName(' . ')).toBe('_');
    expect(safeFileName('')).toBe('_');
  });

  it('prefixes Windows device names, also with an extension', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('com1')).toBe('_com1');
    expect(safeFileName('LPT9')).toBe('_LPT9');
    expect(safeFileName('CONSOLIDATED')).toBe('CONSOLIDATED');
  });

  it('cuts long names to maxBytes of UTF-8 on a character boundary', () => {
    expect(safeFileName('x'.repeat(500))).toBe('x'.repeat(96));
    const cut = safeFileName('é'.repeat(100), 9);
    expect(cut).toBe('éééé');
    expect(safeFileName('😀'.repeat(3), 5)).toBe('😀');
  });

  it('replaces lone surrogates, which no file system can store', () => {
    expect(safeFileName('a\ud800b')).toBe('a_b');
    expect(safeFileName('😀')).toBe('😀');
  });

  it('any text becomes one segment inside the folder, without separators (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
      const safe = safeFileName(name);
      // eslint-disable-next-line no-control-regex
      expect(safe).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
      expect(safe).not.toMatch(/^\.|[. ]$/);
      expect(Buffer.byteLength(safe, 'utf8')).toBeLessThanOrEqual(96);
      expect(Buffer.from(safe, 'utf8').toString('utf8')).toBe(safe);
      const path = resolve(FOLDER, `${safe}.csv`);
      expect(path).toBe(join(FOLDER, `${safe}.csv`));
      expect(basename(path)).toBe(`${safe}.csv`);
    }));
  });
});

describe('safeFileNames', () => {
  it('keeps distinct names as they are', () => {
    expect(safeFileNames(['ACME', 'Globex'])).toEqual(['ACME', 'Globex']);
  });

  it('gives names that meet after cleaning (or differ only in case) a hash suffix', () => {
    const names = safeFileNames(['a/b', 'a:b', 'ACME', 'acme']);
    expect(names[0]).toMatch(/^a_b~[0-9a-f]{8}$/);
    expect(names[1]).toMatch(/^a_b~[0-9a-f]{8}$/);
    expect(names[2]).toMatch(/^ACME~[0-9a-f]{8}$/);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(4);
  });

  it('does not depend on the order of the list', () => {
    const forward = safeFileNames(['a/b', 'a:b', 'c']);
    const backward = safeFileNames(['c', 'a:b', 'a/b']);
    expect(backward).toEqual([forward[2], forward[1], forward[0]]);
  });

  it('distinct inputs never share a name, even case-insensitively; equal inputs share one (property)', () => {
    const tricky = fc.constantFrom('CON', 'con', '..', '.', '/', 'a/b', 'a\\b', 'A/B', 'x~12345678', '', ' ', 'é', 'e\u0301');
    const name = fc.oneof(tricky, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 200 }));
    fc.assert(fc.property(fc.array(name, { maxLength: 30 }), (input) => {
      const output = safeFileNames(input);
      expect(output).toHaveLength(input.length);
      const byKey = new Map<string, string>();
      const byInput = new Map<string, string>();
      for (let i = 0; i < input.length; i++) {
        expect(output[i]).toBe(byInput.get(input[i]) ?? output[i]);
        byInput.set(input[i], output[i]);
        const key = output[i].normalize('NFC').toLowerCase();
        const owner = byKey.get(key);
        if (owner !== undefined) expect(owner).toBe(input[i]);
        byKey.set(key, input[i]);
        expect(Buffer.byteLength(output[i], 'utf8')).toBeLessThanOrEqual(96);
        expect(output[i]).not.toMatch(/[/\\]/);
      }
    }));
  });
});
