/**
 * Value-axis ticks at round steps of the unit the labels show (0, 5, 10, 15,
 * 20 GiB; never 5.89 / 11.8 / 17.7 GiB): at most five intervals, none past
 * `top`. Binary (bytes) steps round in KiB/MiB/GiB, others in k/M/G.
 */
export function valueTicks(top: number, binary = false): number[] {
  if (!(top > 0) || !Number.isFinite(top)) return [0];
  const base = binary ? 1024 : 1000;
  let unit = 1;
  while (top / unit >= base) unit *= base;
  const m = top / unit;
  let step = 0;
  for (let e = -3; e <= 3 && step === 0; e++) {
    for (const c of [1, 2, 2.5, 5]) {
      const s = c * 10 ** e;
      if (m / s <= 5 + 1e-9) {
        step = s;
        break;
      }
    }
  }
  const ticks: number[] = [];
  // Integer multiples, each computed afresh: no drift from repeated addition.
  for (let k = 0; k * step <= m * (1 + 1e-9); k++) ticks.push(Number((k * step).toPrecision(12)) * unit);
  return ticks;
}
