// Compares two folders written by e2e/browser/computed-styles.spec.ts (before and after a CSS change):
// per scene, how many elements are missing, changed class, or differ in a computed value; `-v` lists each difference.
// Live data (rows, chart points, text widths) differs between any two runs: compare against a before/before run too.
import fs from 'node:fs'; import path from 'node:path';
const [a, b, verbose] = process.argv.slice(2).filter((x) => x !== '-v').concat(process.argv.includes('-v') ? ['v'] : []);
let total = { elements: 0, compared: 0, missing: 0, clsDiff: 0, propDiffs: 0, elDiff: 0 };
const byProp = {}; const samples = [];
for (const f of fs.readdirSync(a).filter(f => f.endsWith('.json')).sort()) {
  const A = JSON.parse(fs.readFileSync(path.join(a, f))); const B = JSON.parse(fs.readFileSync(path.join(b, f)));
  let n = 0, d = 0, miss = 0, cls = 0;
  for (const [k, ea] of Object.entries(A.styles)) {
    n++; const eb = B.styles[k];
    if (!eb) { miss++; continue; }
    if (ea.cls !== eb.cls) { cls++; continue; }
    let elDiff = false;
    ea.s.forEach((v, i) => { if (v !== eb.s[i]) { d++; elDiff = true; const p = A.props[i]; byProp[p] = (byProp[p] || 0) + 1; if (samples.length < 400) samples.push(`${f} ${k.split('>').slice(-3).join('>')} .${ea.cls} ${p}: ${v} -> ${eb.s[i]}`); } });
    for (const w of ['before', 'after']) if (JSON.stringify(ea[w]) !== JSON.stringify(eb[w])) { d++; elDiff = true; samples.push(`${f} ${k} ::${w} ${JSON.stringify(ea[w])} -> ${JSON.stringify(eb[w])}`); }
    if (elDiff) total.elDiff++;
  }
  total.elements += n; total.missing += miss; total.clsDiff += cls; total.propDiffs += d; total.compared += n - miss - cls;
  console.log(`${f.padEnd(32)} elements ${n} missing-after ${miss} class-changed ${cls} differing-values ${d}`);
}
console.log('TOTAL', JSON.stringify(total)); console.log('by property', JSON.stringify(byProp));
if (verbose) console.log(samples.join('\n'));
