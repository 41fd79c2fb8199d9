import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvLines, formatCsv, formatCsvNumber, isFormulaLike, neutraliseFormula, quoteCsvField, writeCsv,
} from '../../../src/io/write/write-csv.js';

describe('formatCsvNumber', () => {
  it('writes numbers plainly, without exponent or thousands separator', () => {
    expect(formatCsvNumber(1234567.5)).toBe('1234567.5');
    expect(formatCsvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatCsvNumber(1e21)).toBe('1000000000000000000000');
    expect(formatCsvNumber(-2.5e22)).toBe('-25000000000000000000000');
    expect(formatCsvNumber(1e-7)).toBe('0.0000001');
    expect(formatCsvNumber(-3.5e-9)).toBe('-0.0000000035');
    expect(formatCsvNumber(1.234e-15)).toBe('0.000000000000001234');
    expect(formatCsvNumber(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
    expect(formatCsvNumber(3e25, 2)).toBe('30000000000000000000000000');
  });

  it('never writes -0, NaN or Infinity', () => {
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(-0.004, 2)).toBe('0.00');
    expect(formatCsvNumber(NaN)).toBe('');
    expect(formatCsvNumber(Infinity, 2)).toBe('');
    expect(formatCsvNumber(-Infinity)).toBe('');
  });

  it('fixes decimals where asked, rounding the binary value as toFixed does', () => {
    expect(formatCsvNumber(2.5, 2)).toBe('2.50');
    expect(formatCsvNumber(12.345, 0)).toBe('12');
    expect(formatCsvNumber(-7.5, 0)).toBe('-8');
    // 1.005 is stored as 1.00499999999999989...: it rounds down.
    expect(formatCsvNumber(1.005, 2)).toBe('1.00');
  });

  it('with maxDecimals keeps extra decimals only where they are not zero (0.00## style)', () => {
    expect(formatCsvNumber(2.5, 2, 4)).toBe('2.50');
    expect(formatCsvNumber(0.0125, 2, 4)).toBe('0.0125');
    expect(formatCsvNumber(0.01254, 2, 4)).toBe('0.0125');
    expect(formatCsvNumber(3, 0, 2)).toBe('3');
    expect(formatCsvNumber(3.1, 0, 2)).toBe('3.1');
  });

  it('reads back as exactly the same number, without exponent, for any finite double (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      const text = formatCsvNumber(value);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(value === 0 ? 0 : value);
    }));
  });
});

describe('quoting and formula guard', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(quoteCsvField('plain text')).toBe('plain text');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsvField(' padded ')).toBe('" padded "');
    expect(quoteCsvField('')).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(isFormulaLike(text), text).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    expect(neutraliseFormula('ACME Ltd')).toBe('ACME Ltd');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('guards text cells but never numeric cells, and quotes after guarding', () => {
    const text = writeCsv([{ name: 'sku' }, { name: 'qty', decimals: 0 }],
      [['=1+2,x', -5], ['-5', -5], ['@x', 3]], { guardFormulas: true });
    expect(text).toBe('sku,qty\n"\'=1+2,x",-5\n\'-5,-5\n\'@x,3\n');
  });

  it('does not guard by default (reorder.csv must read back as it was written)', () => {
    expect(writeCsv([{ name: 'sku' }], [['=x']])).toBe('sku\n=x\n');
  });
});

describe('writeCsv', () => {
  it('writes a header, \\n line ends, empty cells for null and undefined', () => {
    const text = writeCsv([{ name: 'sku' }, { name: 'forecast', decimals: 2 }, { name: 'note' }],
      [['A1', 12.345, null], ['B2', NaN, undefined]]);
    expect(text).toBe('sku,forecast,note\nA1,12.35,\nB2,,\n');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => writeCsv([{ name: 'a' }], [['x', 'y']])).toThrow('CSV row has 2 cells for 1 columns');
  });

  it('csvLines streams the same text', () => {
    const columns = [{ name: 'a' }, { name: 'b' }];
    const rows = [['x', 1], ['y', 2]];
    expect([...csvLines(columns, rows)].join('')).toBe(writeCsv(columns, rows));
  });

  it('formatCsv takes bare header names and optional decimals per column', () => {
    expect(formatCsv(['sku', 'qty'], [['A', 1.256]], { decimals: { qty: 1 } })).toBe('sku,qty\nA,1.3\n');
  });

  it('round-trips any text and number through papaparse (property)', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 10 }), (rows) => {
      const text = writeCsv([{ name: 'a' }, { name: 'b' }], rows);
      const parsed = Papa.parse<string[]>(text.slice(0, -1), { delimiter: ',', newline: '\n' });
      expect(parsed.data.slice(1)).toEqual(rows.map((row) => row.map((value) => (
        typeof value === 'number' ? formatCsvNumber(value) : value))));
    }));
  });
});
