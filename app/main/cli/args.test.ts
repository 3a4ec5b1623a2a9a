import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './args';

describe('procyon CLI arguments', () => {
  it('serve defaults to loopback, a fixed port, 1 s ticks', () => {
    expect(parseCommand(['serve'])).toEqual({ kind: 'serve', host: '127.0.0.1', port: 7317, readOnly: false, intervalMs: 1000, allowHosts: [] });
  });

  it('serve takes host, port, read-only, interval and roots', () => {
    expect(parseCommand(['serve', '--host', '0.0.0.0', '--port', '0', '--read-only', '--interval', '500', '--procfs', '/p', '--sysfs', '/s'])).toEqual({
      kind: 'serve',
      host: '0.0.0.0',
      port: 0,
      readOnly: true,
      intervalMs: 500,
      allowHosts: [],
      procfs: '/p',
      sysfs: '/s',
    });
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

  it('no command, -h and -v', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
  });
});
