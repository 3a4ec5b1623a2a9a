// Python's round(x, 1) for the percentages psutil rounds: the nearest tenth
// of the exact binary value, ties to even. toFixed(1) already rounds the
// exact value; it only differs on exact ties, which for tenths can only be
// odd multiples of 1/4 (0.25, 0.75, ...), where toFixed rounds up.
export function round1(x: number): number {
  if (!Number.isFinite(x)) return x;
  const quarters = x * 4; // exact
  if (Number.isInteger(quarters) && Math.abs(quarters) % 2 === 1) {
    const lower = Math.floor(x * 10); // x * 10 is exact here (an odd multiple of 2.5)
    return (lower % 2 === 0 ? lower : lower + 1) / 10;
  }
  return Number(x.toFixed(1));
}
