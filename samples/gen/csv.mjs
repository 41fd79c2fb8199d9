// CSV text the way spreadsheet programs write it: quote a field only when it must be.

export function csvField(value, delimiter) {
  const text = value === null || value === undefined ? '' : String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** Header and rows (arrays of cells) to CSV text ending with a line break. */
export function toCsv(header, rows, { delimiter = ',', lineEnd = '\n' } = {}) {
  const lines = [header, ...rows].map((cells) => cells.map((cell) => csvField(cell, delimiter)).join(delimiter));
  return lines.join(lineEnd) + lineEnd;
}

/** Money with two decimals, empty for null. */
export function money(value) {
  return value === null || value === undefined ? '' : value.toFixed(2);
}

/** A plain number, empty for null. */
export function plain(value) {
  return value === null || value === undefined ? '' : String(value);
}
