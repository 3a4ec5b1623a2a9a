/**
 * The characters in `text` that a terminal acts on rather than shows (C0 but
 * for the newline between lines, DEL, C1, bidi controls), written by code
 * point and independently of terminal-text.ts, which the tests check.
 */
export function rawControls(text: string, { newlines = false } = {}): string[] {
  return [...text].filter((c) => {
    const n = c.codePointAt(0)!;
    if (c === '\n') return newlines;
    return n < 0x20 || (n >= 0x7f && n <= 0x9f) || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
  });
}
