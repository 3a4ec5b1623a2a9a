import { describe, expect, it } from 'vitest';
import { defaultSettingsFile, parseCommand, UsageError } from './args';

describe('procyon CLI arguments', () => {
  it('serve defaults to loopback, a fixed port, the saved interval and the default settings file', () => {
    expect(parseCommand(['serve'])).toEqual({ kind: 'serve', host: '127.0.0.1', port: 7317, readOnly: false, allowHosts: [], newToken: false, metrics: { mode: 'ui' } });
  });

  it('serve: --settings names the file, --no-settings keeps them in memory', () => {
    expect(parseCommand(['serve', '--settings', '/tmp/s.json'])).toMatchObject({ settingsFile: '/tmp/s.json' });
    expect(parseCommand(['serve', '--no-settings'])).toMatchObject({ settingsFile: null });
    expect(() => parseCommand(['serve', '--no-settings', '--settings', '/tmp/s.json'])).toThrow(/contradict/);
    expect(() => parseCommand(['serve', '--settings', ''])).toThrow(/needs a file path/);
    expect(() => parseCommand(['ps', '--settings', '/tmp/s.json'])).toThrow(/does not apply/);
  });

  it('serve: --new-token rotates the stored token; it means nothing to other commands', () => {
    expect(parseCommand(['serve', '--new-token'])).toMatchObject({ newToken: true });
    expect(() => parseCommand(['ps', '--new-token'])).toThrow(/does not apply/);
    expect(() => parseCommand(['serve', '--metrics-only', '--new-token'])).toThrow(/serves no UI/);
  });

  it('the default settings file follows XDG_CONFIG_HOME when it is absolute', () => {
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/procyon/settings.json');
    expect(defaultSettingsFile({}, '/home/u')).toBe('/home/u/.config/procyon/settings.json');
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/procyon/settings.json');
  });

  it('serve takes host, port, read-only, interval and roots', () => {
    expect(parseCommand(['serve', '--host', '0.0.0.0', '--port', '0', '--read-only', '--interval', '500', '--procfs', '/p', '--sysfs', '/s'])).toEqual({
      kind: 'serve',
      host: '0.0.0.0',
      port: 0,
      readOnly: true,
      intervalMs: 500,
      allowHosts: [],
      newToken: false,
      metrics: { mode: 'ui' },
      procfs: '/p',
      sysfs: '/s',
    });
  });

  it('serve: where /metrics goes (UI listener by default, its own, alone, or nowhere)', () => {
    const t = 'abcdefghijklmnop-1234';
    const metricsOf = (argv: string[]) => {
      const cmd = parseCommand(argv);
      if (cmd.kind !== 'serve') throw new Error(`not serve: ${cmd.kind}`);
      return cmd.metrics;
    };
    expect(metricsOf(['serve', '--metrics-token', t])).toEqual({ mode: 'ui', token: t });
    expect(metricsOf(['serve', '--metrics-port', '9101'])).toEqual({ mode: 'separate', host: '127.0.0.1', port: 9101 });
    expect(metricsOf(['serve', '--metrics-host', '0.0.0.0', '--metrics-port', '0', '--metrics-token', t])).toEqual({ mode: 'separate', host: '0.0.0.0', port: 0, token: t });
    expect(parseCommand(['serve', '--metrics-only', '--port', '0', '--interval', '500'])).toMatchObject({ port: 0, intervalMs: 500, metrics: { mode: 'only' } });
    expect(metricsOf(['serve', '--no-metrics'])).toEqual({ mode: 'off' });
  });

  it.each([
    [['serve', '--no-metrics', '--metrics-only'], /contradict/],
    [['serve', '--no-metrics', '--metrics-port', '1'], /contradict/],
    [['serve', '--metrics-only', '--metrics-port', '1'], /--metrics-only binds --host\/--port/],
    [['serve', '--metrics-host', '0.0.0.0'], /--metrics-host needs --metrics-port/],
    [['serve', '--metrics-port', '65536'], /--metrics-port must be between 0 and 65535/],
    [['serve', '--metrics-token', 'short'], /16 to 256 printable/],
    [['serve', '--metrics-token', 'has a space in the middle'], /16 to 256 printable/],
    [['ps', '--metrics-only'], /does not apply to ps/],
    [['snapshot', '--metrics-token', 'abcdefghijklmnop'], /does not apply to snapshot/],
  ])('%j is a usage error', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('snapshot --json', () => {
    expect(parseCommand(['snapshot', '--json', '--procfs', 'x'])).toEqual({ kind: 'snapshot', json: true, procfs: 'x' });
  });

  it.each([
    [['serve', '--port', '70000'], /between 0 and 65535/],
    [['serve', '--port', '-1'], /--port/],
    [['serve', '--port', '12ab'], /whole number/],
    [['serve', '--interval', '10'], /between 250 and 60000/],
    [['snapshot', '--port', '1'], /does not apply to snapshot/],
    [['serve', '--json'], /does not apply to serve/],
    [['frobnicate'], /unknown command/],
    [['serve', '--nope'], /Unknown option/],
    [['serve', 'extra'], /unexpected argument/],
  ])('%j is a usage error', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('process commands', () => {
    expect(parseCommand(['ps', '--tree', '--sort', 'rss', '--user', 'ann'])).toEqual({ kind: 'ps', json: false, sort: 'rss', tree: true, user: 'ann' });
    expect(parseCommand(['ps'])).toMatchObject({ kind: 'ps', sort: 'cpuPercent', tree: false });
    expect(parseCommand(['ps', '--sort', 'gpu'])).toMatchObject({ kind: 'ps', sort: 'gpuPercent' });
    expect(parseCommand(['ps', '--sort', 'gpuMemory'])).toMatchObject({ kind: 'ps', sort: 'gpuMemory' });
    expect(parseCommand(['proc', '42', '--json'])).toEqual({ kind: 'proc', pid: 42, json: true });
    expect(parseCommand(['kill', '7'])).toEqual({ kind: 'act', action: 'kill', pid: 7, yes: false });
    expect(parseCommand(['terminate', '1', '--yes'])).toEqual({ kind: 'act', action: 'terminate', pid: 1, yes: true });
    expect(parseCommand(['renice', '9', '--', '-5'])).toEqual({ kind: 'renice', pid: 9, value: '-5', yes: false });
    // A negative value as written, not read as the option "-5".
    expect(parseCommand(['renice', '9', '-5'])).toEqual({ kind: 'renice', pid: 9, value: '-5', yes: false });
    expect(parseCommand(['renice', '9', '-20', '--yes'])).toEqual({ kind: 'renice', pid: 9, value: '-20', yes: true });
    expect(parseCommand(['--procfs', '/p', 'renice', '9', '-1'])).toEqual({ kind: 'renice', pid: 9, value: '-1', yes: false, procfs: '/p' });
    // A priority class by name: what it means is the host's (renice-value.test.ts).
    expect(parseCommand(['renice', '9', 'below_normal'])).toEqual({ kind: 'renice', pid: 9, value: 'below_normal', yes: false });
  });

  it.each([
    [['kill'], /PID is required/],
    [['kill', '0'], /PID must be/],
    [['kill', '-3'], /Unknown option|PID must be/],
    [['kill', '12x'], /PID must be/],
    [['kill', '4294967296'], /PID must be/],
    [['renice', '9'], /renice needs a VALUE/],
    [['renice', '-9', '5'], /PID must be/],
    [['ps', '--sort', 'bogus'], /--sort must be one of/],
    [['ps', '--sort', 'constructor'], /--sort must be one of/],
    [['kill', '5', '--json'], /does not apply to kill/],
    [['proc', '5', '6'], /unexpected argument/],
  ])('%j is a usage error', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('no command, -h and -v', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
  });
});
