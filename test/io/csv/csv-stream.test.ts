import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/io/csv/csv-stream.js';

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab in the header line, ignoring quoted text', () => {
    expect(detectDelimiter('date,sku,quantity')).toBe(',');
    expect(detectDelimiter('date;sku;"qty, units"')).toBe(';');
    expect(detectDelimiter('date\tsku\tquantity')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});
