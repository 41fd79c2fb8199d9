/**
 * File names from arbitrary text (supplier names): the result is one path segment that stays
 * inside its folder on Linux, macOS and Windows, and a batch of names never collides, not even
 * on a case-insensitive file system.
 *
 * Rules: NFC normalisation; path separators, the characters Windows forbids (`<>:"/\|?*`),
 * control characters and lone surrogates become `_`; leading dots become `_` (no `.`, `..` or
 * hidden files) and trailing dots and spaces, which Windows drops, are dropped; Windows device names (`CON`, `NUL`, `COM1`, ...,
 * also with an extension) get a `_` prefix; the empty name is `_`; names are cut to
 * `maxBytes` UTF-8 bytes on a character boundary.
 */

import { createHash } from 'node:crypto';

const DEFAULT_MAX_BYTES = 96;
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * One safe path segment (without extension) for `name`.
 *
 * @example safeFileName('../../x') // '___.._x'; safeFileName('CON') // '_CON'
 */
export function safeFileName(name: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let text = name.normalize('NFC').replace(LONE_SURROGATE, '_').replace(FORBIDDEN, '_');
  text = text.replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  text = text.replace(/[. ]+$/, '');
  if (WINDOWS_DEVICE.test(text)) text = `_${text}`;
  if (text === '') text = '_';
  return truncateUtf8(text, maxBytes);
}

/**
 * Distinct safe names for a list of names, in the same order. A name whose safe form is
 * shared with another (case-insensitively) gets `~` and 8 hex digits of the SHA-256 of the
 * original name, so the result does not depend on the order of the list; equal inputs get
 * equal outputs.
 *
 * @example safeFileNames(['a/b', 'a:b', 'ACME']) // ['a_b~<8 hex>', 'a_b~<8 other hex>', 'ACME']
 */
export function safeFileNames(names: readonly string[], maxBytes = DEFAULT_MAX_BYTES): string[] {
  const base = names.map((name) => safeFileName(name, maxBytes));
  const originalsByKey = new Map<string, Set<string>>();
  for (let i = 0; i < names.length; i++) {
    const key = collisionKey(base[i]);
    const originals = originalsByKey.get(key) ?? new Set<string>();
    originals.add(names[i]);
    originalsByKey.set(key, originals);
  }
  const result = base.map((safe, i) => {
    if ((originalsByKey.get(collisionKey(safe))?.size ?? 0) <= 1) return safe;
    const suffix = `~${createHash('sha256').update(names[i]).digest('hex').slice(0, 8)}`;
    return truncateUtf8(safe, maxBytes - suffix.length) + suffix;
  });
  // A hashed name can still meet another name (e.g. one literally called `x~1234abcd`), or two
  // names can share 32 bits of hash: number those rare leftovers in a stable order.
  const taken = new Map<string, string>();
  for (let i = 0; i < result.length; i++) {
    let candidate = result[i];
    let counter = 2;
    while (taken.has(collisionKey(candidate)) && taken.get(collisionKey(candidate)) !== names[i]) {
      const suffix = `~${counter++}`;
      candidate = truncateUtf8(result[i], maxBytes - suffix.length) + suffix;
    }
    taken.set(collisionKey(candidate), names[i]);
    result[i] = candidate;
  }
  return result;
}

/** Two names that differ only in case or Unicode form are the same file on macOS and Windows. */
function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  // Cutting may leave a trailing dot or space, which Windows strips.
  const cut = text.slice(0, end).replace(/[. ]+$/, '');
  return cut === '' ? '_' : cut;
}
