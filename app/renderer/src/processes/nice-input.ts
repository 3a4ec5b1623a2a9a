/** The host's nice range (HostInfo.constants.nice): -20 (most favoured) … 19 (least) on Linux. */
export interface NiceRange {
  min: number;
  max: number;
}

/**
 * What the user typed in the nice field, read as typed (never clamped or
 * re-signed on the way): a whole number in range, or a sentence saying why not.
 * Accepts the typographic minus (−) the dialog's own text uses.
 */
export function parseNice(text: string, { min: NICE_MIN, max: NICE_MAX }: NiceRange): { value: number } | { error: string } {
  const t = text.trim().replace(/^[−–]/, '-');
  if (t === '') return { error: `Type a nice value from ${NICE_MIN} to ${NICE_MAX}.` };
  if (!/^[+-]?\d+$/.test(t)) return { error: `“${text.trim().slice(0, 20)}” is not a whole number: type a nice value from ${NICE_MIN} to ${NICE_MAX}.` };
  const value = Number(t);
  if (value < NICE_MIN || value > NICE_MAX) return { error: `${value} is out of range: nice values go from ${NICE_MIN} (highest priority) to ${NICE_MAX} (lowest).` };
  return { value };
}
