// Cutting a process's text (argv, environment) to a budget of encoded bytes,
// the measure of limits.ts: what the value costs in a JSON message sent as UTF-8.
// The collector cuts the table's command lines the same way (native/src/common/json_budget.cc).

/** The bytes the JSON string literal of `s` takes, without its quotes. */
function charCost(s: string, i: number): { units: number; cost: number } {
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) return { units: 1, cost: 2 };
    return { units: 1, cost: c < 0x20 ? 6 : 1 };
  }
  if (c < 0x800) return { units: 1, cost: 2 };
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return { units: 2, cost: 4 };
    return { units: 1, cost: 6 }; // a lone surrogate: JSON.stringify writes \udXXX
  }
  if (c >= 0xdc00 && c <= 0xdfff) return { units: 1, cost: 6 };
  return { units: 1, cost: 3 };
}

/** `s` cut to at most `budget` encoded bytes at a character; the cost of what is kept. */
function cutString(s: string, budget: number): { text: string; cost: number; cut: boolean } {
  let cost = 0;
  let i = 0;
  while (i < s.length) {
    const c = charCost(s, i);
    if (cost + c.cost > budget) return { text: s.slice(0, i), cost, cut: true };
    cost += c.cost;
    i += c.units;
  }
  return { text: s, cost, cut: false };
}

/** UTF-8 bytes of `s` (a lone surrogate as U+FFFD, 3). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A command line cut so that its JSON array costs at most `budget`; `bytes`: the whole one's size (arguments NUL-terminated). */
export function cutArgs(args: readonly string[], budget: number): { value: string[]; cut?: { bytes: number } } {
  const value: string[] = [];
  let used = 2; // []
  for (const arg of args) {
    const frame = value.length > 0 ? 3 : 2; // "" and a comma
    if (used + frame > budget) return { value, cut: { bytes: argsBytes(args) } };
    const part = cutString(arg, budget - used - frame);
    value.push(part.text);
    used += frame + part.cost;
    if (part.cut) return { value, cut: { bytes: argsBytes(args) } };
  }
  return { value };
}

const argsBytes = (args: readonly string[]): number => args.reduce((n, a) => n + utf8Bytes(a) + 1, 0);

/** An environment cut so that its JSON object costs at most `budget`; `bytes`: the whole one's size (KEY=value NUL-terminated). */
export function cutEnviron(env: Readonly<Record<string, string>>, budget: number): { value: Record<string, string>; cut?: { bytes: number } } {
  const value: Record<string, string> = {};
  const entries = Object.entries(env);
  const whole = () => ({ bytes: entries.reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v) + 2, 0) });
  let used = 2; // {}
  let first = true;
  for (const [k, v] of entries) {
    const key = cutString(k, Infinity);
    const frame = (first ? 0 : 1) + 2 + key.cost + 1 + 2; // comma, "key", colon, ""
    if (used + frame > budget) return { value, cut: whole() };
    const part = cutString(v, budget - used - frame);
    value[k] = part.text;
    used += frame + part.cost;
    first = false;
    if (part.cut) return { value, cut: whole() };
  }
  return { value };
}
