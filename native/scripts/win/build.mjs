// `npm run build:win`: cross-compiles the addon for Windows x64 with mingw-w64 into
// native/build-win/Release/procyon_collector.node (never build/, which is the Linux addon's).
// Needs scripts/win/setup-wine.sh first (the toolchain and N-API's import library; see
// native/README.md, "Windows"). The sources are binding.gyp's platform-neutral ones (the top
// list and the OS=='win' condition, read as gyp_sources.mjs reads them) plus every src/windows/*.cc;
// the metrics list header is the one gyp_metrics.mjs writes for the Linux build. Static C/C++
// runtime, so the DLL imports only system DLLs; N-API through the delay-load import library and
// src/windows/delay_load_hook.cc, so it loads in node.exe and in a renamed host. Incremental:
// a translation unit is recompiled when it or a header it includes (gcc -MMD) is newer than its object.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { metricsHeader } from '../gyp_metrics.mjs';
import { ccFiles, gypSources } from '../gyp_sources.mjs';

const native = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(native, 'build-win');
const objDir = path.join(out, 'obj');
const genDir = path.join(out, 'gen');
export const ADDON = path.join(out, 'Release', 'procyon_collector.node');
const CXX = 'x86_64-w64-mingw32-g++-posix';
// What the system DLLs the sources call live in.
const LIBS = ['-lntdll', '-liphlpapi', '-lws2_32', '-lpsapi', '-lpdh', '-lpowrprof', '-ladvapi32', '-lwtsapi32'];

/** The variables setup-wine.sh wrote into $PROCYON_WIN_ROOT/env.sh. */
export function winEnv() {
  const root = process.env.PROCYON_WIN_ROOT ?? path.join(homedir(), '.cache', 'procyon-win');
  const file = path.join(root, 'env.sh');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`bash native/scripts/win/setup-wine.sh\` first (native/README.md, "Windows")`);
  }
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    for (const [, name, quoted, bare] of line.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) env[name] = quoted ?? bare;
  }
  return env;
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: native, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code ?? signal}): ${args.join(' ')}`)),
    );
  });
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

// Whether `obj` is older than anything its dependency file lists (or is missing).
function stale(obj) {
  const deps = obj.replace(/\.o$/, '.d');
  const built = mtime(obj);
  if (built < 0 || !existsSync(deps)) return true;
  const listed = readFileSync(deps, 'utf8').replace(/\\\n/g, ' ').split(':').slice(1).join(':');
  return listed
    .split(/\s+/)
    .filter(Boolean)
    .some((dep) => mtime(path.resolve(native, dep)) > built);
}

export async function buildWin() {
  const env = winEnv();
  const sources = [...gypSources(["OS=='win'"]), ...ccFiles(['src/windows'])];
  mkdirSync(path.join(out, 'Release'), { recursive: true });
  mkdirSync(path.join(genDir, 'procyon'), { recursive: true });
  // Rewritten only when it changes, so an unchanged build recompiles nothing.
  const metricsFile = path.join(genDir, 'procyon', 'procyon_metrics.h');
  const header = metricsHeader();
  if (!existsSync(metricsFile) || readFileSync(metricsFile, 'utf8') !== header) writeFileSync(metricsFile, header);

  const cxxflags = [
    '-std=c++17', '-O2', '-Wall', '-Wextra', '-Wno-unused-parameter', '-DNAPI_VERSION=8', '-DNAPI_CPP_EXCEPTIONS', '-DBUILDING_NODE_EXTENSION',
    '-D_WIN32_WINNT=0x0A00', '-DNOMINMAX', '-DUNICODE', '-D_UNICODE',
    '-include', 'windows/mingw_compat.h', '-Isrc', `-I${path.join(genDir, 'procyon')}`, `-I${path.join(native, '..', 'node_modules', 'node-addon-api')}`,
    `-I${env.PROCYON_WIN_NODE_API_INCLUDE}`,
  ];
  const objects = sources.map((src) => path.join(objDir, src.replace(/\.cc$/, '.o')));
  const todo = sources.map((src, i) => ({ src, obj: objects[i] })).filter(({ obj }) => stale(obj));
  const jobs = Math.max(1, Math.min(availableParallelism(), Number(process.env.PROCYON_WIN_JOBS) || 2));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { src, obj } = todo[next++];
      mkdirSync(path.dirname(obj), { recursive: true });
      console.log(`  CXX ${src}`);
      await run(CXX, [...cxxflags, '-MMD', '-MP', '-c', src, '-o', obj]);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  if (todo.length > 0 || mtime(ADDON) < 0) {
    console.log(`  LINK ${path.relative(native, ADDON)}`);
    await run(CXX, [
      '-shared', '-static', '-static-libgcc', '-static-libstdc++', '-s', '-o', ADDON,
      ...objects, env.PROCYON_WIN_NODE_API_DELAY_LIB, ...LIBS,
    ]);
  }
  return ADDON;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWin().then(
    (addon) => console.log(`build:win: ${path.relative(process.cwd(), addon)}`),
    (err) => {
      console.error(`build:win: ${err.message}`);
      process.exit(1);
    },
  );
}
