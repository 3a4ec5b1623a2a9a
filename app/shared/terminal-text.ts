// What a process controls (its name, argv, files under a captured tree) ends
// up in the user's terminal. A terminal obeys what it is sent: ESC starts a
// colour or a cursor move, CR/LF start a new row, the C1 range holds CSI
// (U+009B) on terminals that take 8-bit controls, and the bidi overrides
// reorder the rest of a line. So every such character is shown as a visible
// escape instead, and a field stays one field on one line.
//
// A backslash is left as it is: the escapes are for reading, not for
// round-tripping (--json is exact), and doubling every backslash would make
// ordinary command lines (regexes, sed scripts) harder to read.

/** What JSON.stringify leaves raw: DEL, C1 controls, the bidi marks/embeddings/overrides/isolates, the Unicode line and paragraph separators. */
const UNSAFE_IN_JSON = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
/** ...and the C0 controls, which JSON escapes itself. */
const UNSAFE = new RegExp(`[\\u0000-\\u001f${UNSAFE_IN_JSON}]`, 'g');
const UNSAFE_JSON = new RegExp(`[${UNSAFE_IN_JSON}]`, 'g');

const NAMED: Record<string, string> = { '\u001b': '\\e', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field as the terminal may show it: no character in it can move the cursor, colour or reorder the line. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * JSON for a terminal: the same value (JSON.parse gives back exactly what was
 * given), with the characters JSON.stringify leaves raw (DEL, C1, bidi) written
 * as \u escapes. They can only occur inside strings, where \u is exact.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string in plain data `value`, object keys included, made terminal-safe: for formatters that print what they are given. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalSafe(k), terminalSafeDeep(v)])) as T;
  }
  return value;
}
