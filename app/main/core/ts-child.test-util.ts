import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

// Node 20 runs no TypeScript, and the app's modules are TypeScript: a child
// process that must run them (two hosts writing one file) transpiles each
// module as it is required, with the project's own TypeScript.
const HOOK = `
const ts = require('typescript');
const fs = require('node:fs');
require.extensions['.ts'] = (m, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  m._compile(out.outputText, filename);
};
require(process.argv[1]);
`;

/** Runs the TypeScript module `file` in a child node process, with `args` as its process.argv.slice(2). */
export function spawnTs(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['-e', HOOK, file, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
}
