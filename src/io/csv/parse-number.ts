/**
 * Numbers as written in CSV exports: optional sign, digits, one decimal separator (`.` or `,`,
 * never both, no thousands separators), optional exponent after a `.` decimal. Parsed by hand
 * on the hot path; anything else is NaN so the caller can report it.
 */

/** Largest magnitude accepted for any quantity or amount; bigger values are input errors. */
export const MAX_ABS_NUMBER = 1e12;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COMMA = 44;
const DOT = 46;

/**
 * Parses `text` with `separator` (`.` or `,`) as the decimal mark. Returns NaN for empty text,
 * other separators, NaN/Infinity spellings, and values beyond {@link MAX_ABS_NUMBER}.
 */
export function parseDecimal(text: string, separator: '.' | ','): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  // Fast path: whole numbers (most quantities) without building a substring.
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    value = value * 10 + (c - DIGIT_0);
    digits++;
  }
  if (i === end) {
    if (digits === 0 || digits > 15) return digits === 0 ? NaN : checked(Number(text.slice(start, end)));
    return negative ? -value : value;
  }
  const mark = separator === ',' ? COMMA : DOT;
  const c = text.charCodeAt(i);
  if (c !== mark && c !== 101 && c !== 69) return NaN;
  let j = c === mark ? i + 1 : i;
  let fraction = 0;
  for (; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d < DIGIT_0 || d > DIGIT_9) break;
    fraction++;
  }
  if (digits + fraction === 0) return NaN;
  if (j < end) {
    // Only an exponent may follow: e, E, optional sign, digits.
    const e = text.charCodeAt(j);
    if (e !== 101 && e !== 69) return NaN;
    let k = j + 1;
    const sign = text.charCodeAt(k);
    if (sign === 43 || sign === 45) k++;
    if (k === end) return NaN;
    for (; k < end; k++) {
      const d = text.charCodeAt(k);
      if (d < DIGIT_0 || d > DIGIT_9) return NaN;
    }
  }
  const plain = text.slice(start, end);
  return checked(Number(separator === ',' ? plain.replace(',', '.') : plain));
}

function checked(value: number): number {
  return Number.isFinite(value) && Math.abs(value) <= MAX_ABS_NUMBER ? value : NaN;
}

/** The decimal mark a number text uses: `,` or `.` when exactly one of them appears, '' otherwise. */
export function decimalMarkOf(text: string): '.' | ',' | '' {
  const comma = text.indexOf(',');
  const dot = text.indexOf('.');
  if (comma >= 0 && dot >= 0) return '';
  if (comma >= 0) return ',';
  if (dot >= 0) return '.';
  return '';
}
