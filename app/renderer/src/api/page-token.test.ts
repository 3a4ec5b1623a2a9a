// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { adoptPageToken, type TokenWindow } from './page-token';

function fakeWindow(url: string, stored: Record<string, string> = {}) {
  const u = new URL(url);
  const replaced: string[] = [];
  const win: TokenWindow = {
    location: { pathname: u.pathname, search: u.search, hash: u.hash },
    history: { replaceState: (_d, _u, next) => void replaced.push(next) },
    sessionStorage: { getItem: (k) => stored[k] ?? null, setItem: (k, v) => void (stored[k] = v) },
  };
  return { win, replaced, stored };
}

describe('adoptPageToken', () => {
  it('takes the token from the fragment into sessionStorage and out of the address bar', () => {
    const { win, replaced, stored } = fakeWindow('http://127.0.0.1:7317/#token=abc-DEF_123.xyz~0');
    expect(adoptPageToken(win)).toEqual({ token: 'abc-DEF_123.xyz~0', oldLink: false });
    expect(replaced).toEqual(['/']);
    expect(Object.values(stored)).toEqual(['abc-DEF_123.xyz~0']);
  });

  it('uses the token this tab already holds when the URL has none (a page navigated within the tab)', () => {
    const { win, replaced } = fakeWindow('http://127.0.0.1:7317/#/processes', { 'procyon.token': 'kept-from-before-0123' });
    expect(adoptPageToken(win)).toEqual({ token: 'kept-from-before-0123', oldLink: false });
    expect(replaced).toEqual([]);
  });

  it('an old ?token= link is not used, is dropped from the address bar, and is reported', () => {
    const { win, replaced, stored } = fakeWindow('http://127.0.0.1:7317/?token=old#/cpu');
    expect(adoptPageToken(win)).toEqual({ token: null, oldLink: true });
    expect(replaced).toEqual(['/#/cpu']);
    expect(stored).toEqual({});
  });

  it('a fragment that could not be a token is no token (it would not fit in a WebSocket subprotocol)', () => {
    const { win, replaced, stored } = fakeWindow('http://127.0.0.1:7317/#token=has%20space%20in%20it%200123', { 'procyon.token': 'kept-from-before-0123' });
    expect(adoptPageToken(win)).toEqual({ token: null, oldLink: false });
    expect(replaced).toEqual(['/']);
    expect(stored).toEqual({ 'procyon.token': 'kept-from-before-0123' });
  });

  it('works without storage (disabled): the token lives for the page', () => {
    const { win } = fakeWindow('http://127.0.0.1:7317/#token=abcdefabcdefabcdef');
    Object.defineProperty(win, 'sessionStorage', {
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(adoptPageToken(win).token).toBe('abcdefabcdefabcdef');
  });
});
