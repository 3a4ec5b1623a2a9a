import { extractFile, listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../core/fixture-root.test-util';
import { APP_ID } from './identity';

// The installers as electron-builder really assembles them, from
// electron-builder.yml and package.json, with no download: Linux's `dir`
// target needs only an unpacked Electron to copy, and of that only the
// `electron` executable it renames (app-builder-lib's ElectronFramework), so a
// stand-in file does. deb and rpm run up to the point where fpm would be
// called (electron-builder's own effectiveOptionComputed hook stops there), so
// their metadata checks, desktop entry and dependencies are the real ones.
// The app is built fresh into a scratch folder, so the repo's dist/ is never
// touched while other tests read or rebuild it.

interface Pkg {
  main: string;
  productName?: string;
  desktopName?: string;
  homepage?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface FpmRun {
  target: string;
  args: string[];
  desktopEntry: string;
  depends: string[];
  defaultDepends: string[];
}

const NATIVE_NODE = path.join(REPO, 'native', 'build', 'Release', 'procyon_collector.node');
const repoPkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Pkg;

let tmp = '';
let unpackedDir = '';
let asarFiles: string[] = [];
let unpackedFiles: string[] = [];
let packagedPkg: Pkg;
let appId = '';
const fpm: FpmRun[] = [];

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return lstatSync(p).isDirectory() ? walk(p, base) : ['/' + path.relative(base, p).split(path.sep).join('/')];
  });
}

beforeAll(async () => {
  // `npm test` builds the addon first; a bare `vitest run` on a fresh clone builds it here.
  if (!existsSync(NATIVE_NODE)) run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:native']);

  tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-package-'));
  // The app folder electron-builder packs: the repo's top level as it is (linked), but a fresh dist/ of its own.
  // npm's tree still comes from the repo (electron-builder runs `npm list` there when the app folder has none).
  const appDir = path.join(tmp, 'app');
  mkdirSync(appDir);
  for (const name of readdirSync(REPO)) {
    if (['.git', 'node_modules', 'dist', 'release', 'test-results'].includes(name)) continue;
    if (name === 'package.json') copyFileSync(path.join(REPO, name), path.join(appDir, name));
    else symlinkSync(path.join(REPO, name), path.join(appDir, name));
  }

  // The same four builds as `npm run build:app`, into the scratch folder.
  const vite = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  const viteBuild = (config: string, out: string, ...extra: string[]) =>
    run(process.execPath, [vite, 'build', '--config', config, '--outDir', path.join(appDir, 'dist', out), '--logLevel', 'error', ...extra]);
  viteBuild('vite.renderer.config.mts', 'renderer');
  viteBuild('vite.main.config.mts', 'main');
  viteBuild('vite.preload.config.mts', 'preload');
  viteBuild('vite.preload.config.mts', 'preload', '--mode', 'popup');

  const electronDist = path.join(tmp, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "a stand-in for Electron: packaged-app.test.ts" >&2\nexit 1\n');
  chmodSync(path.join(electronDist, 'electron'), 0o755);

  const output = path.join(tmp, 'release');
  const depends = new Map<string, { depends: string[]; defaultDepends: string[] }>();
  const fpmArgs = new Map<string, { args: string[]; desktopEntry: string }>();
  await build({
    projectDir: REPO,
    publish: 'never',
    targets: Platform.LINUX.createTarget(['dir', 'deb', 'rpm'], Arch.x64),
    config: {
      electronDist,
      directories: { app: appDir, output },
      afterPack: (context) => {
        appId = context.packager.appInfo.id;
        for (const t of context.targets) {
          const target = t as unknown as { name: string; options: { depends?: string[] | null }; getDefaultDepends(name: string): string[] };
          const defaults = target.getDefaultDepends(target.name);
          depends.set(target.name, { depends: target.options.depends ?? defaults, defaultDepends: defaults });
        }
        return Promise.resolve();
      },
    },
    // Called by the deb and rpm targets with fpm's arguments and the desktop entry they wrote; true stops before fpm runs.
    effectiveOptionComputed: ([args, desktopFile]: [string[], string]) => {
      fpmArgs.set(args.includes('--deb-priority') ? 'deb' : 'rpm', { args, desktopEntry: readFileSync(desktopFile, 'utf8') });
      return Promise.resolve(true);
    },
  } as Parameters<typeof build>[0]);

  for (const [target, a] of fpmArgs) fpm.push({ target, ...a, ...(depends.get(target) ?? { depends: [], defaultDepends: [] }) });

  unpackedDir = path.join(output, 'linux-unpacked');
  const asar = path.join(unpackedDir, 'resources', 'app.asar');
  asarFiles = listPackage(asar, { isPack: false });
  unpackedFiles = walk(path.join(unpackedDir, 'resources', 'app.asar.unpacked'));
  packagedPkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Pkg;
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const shipped = () => new Set([...asarFiles, ...unpackedFiles]);
const COLLECTOR = '/node_modules/@procyon/collector';

describe('the packaged app (electron-builder --linux dir, deb and rpm up to fpm)', () => {
  it('holds the main entry, both preloads and the renderer, and nothing else of the repo', () => {
    const files = shipped();
    expect([...new Set([...files].map((f) => f.split('/')[1]))].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(packagedPkg.main).toBe('dist/main/electron.js');
    // The paths window.ts loads, relative to dist/main.
    for (const f of ['/dist/main/electron.js', '/dist/preload/preload.js', '/dist/preload/popup.js', '/dist/renderer/index.html', '/dist/renderer/popup.html']) expect(asarFiles).toContain(f);
    // Every script and stylesheet the pages name is there too.
    for (const page of ['index.html', 'popup.html']) {
      const html = extractFile(path.join(unpackedDir, 'resources', 'app.asar'), `dist/renderer/${page}`).toString('utf8');
      const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/dist/renderer/${m[1]}`);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(files).toContain(r);
    }
  });

  it('ships the addon unpacked beside its JS face, and nothing else of the collector workspace', () => {
    expect(unpackedFiles).toContain(`${COLLECTOR}/build/Release/procyon_collector.node`);
    expect(asarFiles).toContain(`${COLLECTOR}/build/Release/procyon_collector.node`); // listed, stored outside
    const collectorPkg = JSON.parse(readFileSync(path.join(REPO, 'native', 'package.json'), 'utf8')) as { main: string };
    expect(shipped()).toContain(`${COLLECTOR}/${collectorPkg.main}`);
    const collectorFiles = [...shipped()].filter((f) => f.startsWith(`${COLLECTOR}/`) && !asarFiles.some((d) => d.startsWith(`${f}/`)));
    const stray = collectorFiles.filter((f) => !/^\/node_modules\/@procyon\/collector\/(package\.json|dist\/[^/]+\.js|build\/Release\/[^/]+\.node)$/.test(f));
    expect(stray).toEqual([]);

    // The shipped face loads the shipped addon (in Node here; Electron loads the same files, its require redirected to the unpacked folder).
    const dir = path.join(unpackedDir, 'resources', 'app.asar.unpacked', 'node_modules', '@procyon', 'collector');
    const r = spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(dir)}); process.stdout.write(String(c.addonLoadError() === null && c.cpuCountSync() > 0))`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
  });

  it('leaves out sources, tests, source maps and every package the renderer bundle already holds', () => {
    const files = [...shipped()];
    const ours = files.filter((f) => !f.startsWith('/node_modules/') || f.startsWith(`${COLLECTOR}/`));
    expect(ours.filter((f) => /\.(ts|tsx|mts|cc|h|gyp|mk)$/.test(f) || /\/(src|lib|fuzz|scripts)\//.test(f))).toEqual([]);
    expect(ours.filter((f) => /\/(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const modules = new Set(files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((m) => m !== undefined));
    for (const dep of Object.keys(repoPkg.dependencies)) expect(modules).toContain(dep);
    // Dev-only: the renderer's packages (bundled by Vite), zod (bundled into main), the build and test tools.
    expect(Object.keys(repoPkg.devDependencies).filter((dep) => modules.has(dep))).toEqual([]);
    for (const m of ['react', 'react-dom', 'recharts', 'zustand', 'zod', 'node-addon-api']) expect(modules).not.toContain(m);
  });

  it('names the desktop entry and its StartupWMClass after the desktop name Electron gives the window', () => {
    // Electron 45 makes package.json's desktopName (less ".desktop") the Wayland app_id and the X11 WM_CLASS (electron.d.ts, app.setDesktopName).
    const windowClass = (packagedPkg.desktopName ?? '').replace(/\.desktop$/, '');
    expect(windowClass).toBe(APP_ID);
    expect(appId).toBe(APP_ID);
    expect(fpm.map((r) => r.target).sort()).toEqual(['deb', 'rpm']);
    for (const r of fpm) {
      const entry = Object.fromEntries(r.desktopEntry.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(entry.StartupWMClass).toBe(windowClass);
      expect(entry.Name).toBe(packagedPkg.productName);
      // Installed under the same name, which is what a Wayland compositor looks the app_id up by.
      expect(r.args.find((a) => a.includes('=/usr/share/applications/'))).toMatch(new RegExp(`=/usr/share/applications/${windowClass.replace(/\./g, '\\.')}\\.desktop$`));
      // The launcher runs the executable the package installs.
      const exec = /^\/opt\/[^/]+\/([^ ]+) %U$/.exec(entry.Exec ?? '');
      expect(exec).not.toBeNull();
      expect(existsSync(path.join(unpackedDir, exec![1]!))).toBe(true);
    }
  });

  it('gives deb and rpm their homepage, maintainer and Electron runtime libraries', () => {
    for (const r of fpm) {
      expect(r.args[r.args.indexOf('--url') + 1]).toBe(repoPkg.homepage);
      expect(r.args[r.args.indexOf('--maintainer') + 1]).toMatch(/^[^<>]+ <[^@<>\s]+@[^@<>\s]+>$/);
      // A depends list in the config replaces electron-builder's defaults; whatever it says, Electron's own libraries stay.
      expect(r.defaultDepends.length).toBeGreaterThan(5);
      expect(r.depends).toEqual(expect.arrayContaining(r.defaultDepends));
    }
  });
});
