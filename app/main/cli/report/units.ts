/** psutil's bytes2human, as its example scripts print sizes: 1024-based, one decimal, a one-letter unit. */
export function bytes2human(n: number): string {
  const symbols = ['K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  for (let i = symbols.length - 1; i >= 0; i--) {
    const prefix = 2 ** ((i + 1) * 10);
    if (Math.abs(n) >= prefix) return `${(n / prefix).toFixed(1)}${symbols[i]}`;
  }
  return `${n}B`;
}

export function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function heading(title: string): string {
  return `\n${title}\n${'-'.repeat(title.length)}`;
}
