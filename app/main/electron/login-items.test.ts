import { describe, expect, it } from 'vitest';
import { autostartEntry } from './lifecycle';
import { HIDDEN_FLAG, loginCommand, loginItemSettings, loginItemsSupported, startedHidden, type LaunchContext } from './login-items';

const unpackaged: LaunchContext = { platform: 'linux', packaged: false, execPath: '/src/procyon/node_modules/electron/dist/electron', appPath: '/src/procyon' };

describe('start at login', () => {
  it('starts an unpackaged run with the app folder, not bare Electron', () => {
    expect(loginCommand(unpackaged)).toEqual({ exec: unpackaged.execPath, args: ['/src/procyon', HIDDEN_FLAG] });
    expect(autostartEntry(loginCommand(unpackaged))).toContain('\nExec=/src/procyon/node_modules/electron/dist/electron /src/procyon --hidden\n');
    const win = { ...unpackaged, platform: 'win32' as const, execPath: 'C:\\p\\node_modules\\electron\\dist\\electron.exe', appPath: 'C:\\Users\\a b\\procyon' };
    expect(loginItemSettings(true, win)).toEqual({ openAtLogin: true, path: win.execPath, args: ['"C:\\Users\\a b\\procyon"', '--hidden'] });
  });

  it('starts a packaged app by itself, an AppImage through its own file', () => {
    const packaged = { ...unpackaged, packaged: true, execPath: '/opt/Procyon/procyon', appPath: '/opt/Procyon/resources/app.asar' };
    expect(autostartEntry(loginCommand(packaged))).toContain('\nExec=/opt/Procyon/procyon --hidden\n');
    expect(autostartEntry(loginCommand({ ...packaged, appImage: '/home/a b/Procyon "x".AppImage' }))).toContain('\nExec="/home/a b/Procyon \\"x\\".AppImage" --hidden\n');
    expect(loginItemSettings(false, { ...packaged, platform: 'win32' })).toEqual({ openAtLogin: false, path: '/opt/Procyon/procyon', args: ['--hidden'] });
    expect(autostartEntry(loginCommand(packaged))).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Procyon\n/);
  });

  it('on macOS passes no arguments and learns of a login start from wasOpenedAtLogin', () => {
    const mac = { ...unpackaged, platform: 'darwin' as const, packaged: true };
    expect(loginItemSettings(true, mac)).toEqual({ openAtLogin: true });
    expect(startedHidden(['/Applications/Procyon.app/Contents/MacOS/Procyon'], 'darwin', () => true)).toBe(true);
    expect(startedHidden(['/Applications/Procyon.app/Contents/MacOS/Procyon'], 'darwin', () => false)).toBe(false);
    // Elsewhere the flag says it; wasOpenedAtLogin is macOS-only.
    expect(startedHidden(['procyon', '--hidden'], 'linux', () => false)).toBe(true);
    expect(startedHidden(['procyon'], 'win32', () => true)).toBe(false);
    // An unpackaged macOS run would register Electron.app itself.
    expect(loginItemsSupported({ platform: 'darwin', packaged: false })).toBe(false);
    expect(loginItemsSupported({ platform: 'linux', packaged: false })).toBe(true);
  });
});
