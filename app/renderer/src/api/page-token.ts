import { TOKEN_FRAGMENT_KEY, TOKEN_PATTERN } from '../../../shared/channels';

// Serve mode's token reaches the page in the URL fragment that `procyon serve`
// prints (http://127.0.0.1:7317/#token=…): a fragment is never sent to a server,
// so it appears in no request, log or Referer. The page keeps it in
// sessionStorage (this origin, this tab) and takes it out of the address bar at
// once, so it is neither bookmarked by accident nor visible over a shoulder.

const STORAGE_KEY = 'procyon.token';

export interface PageToken {
  token: string | null;
  /** The page was opened with an old-style `?token=` link, which the host no longer accepts. */
  oldLink: boolean;
}

export interface TokenWindow {
  location: { pathname: string; search: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

function storage(win: TokenWindow) {
  try {
    // Reading the property itself throws where storage is disabled.
    return win.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Takes the token out of the address bar into sessionStorage, and returns the one this tab holds. */
export function adoptPageToken(win: TokenWindow): PageToken {
  const { pathname, search, hash } = win.location;
  const params = new URLSearchParams(search);
  const oldLink = params.has('token');
  const fromFragment = new URLSearchParams(hash.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  // One that could not be a token (it would not even fit in a WebSocket subprotocol) is no token: the page says so.
  const valid = fromFragment !== null && TOKEN_PATTERN.test(fromFragment) ? fromFragment : null;
  if (oldLink || fromFragment !== null) {
    params.delete('token');
    const rest = params.toString();
    win.history.replaceState(null, '', `${pathname}${rest ? `?${rest}` : ''}${fromFragment !== null ? '' : hash}`);
  }
  const store = storage(win);
  if (fromFragment !== null) {
    try {
      if (valid) store?.setItem(STORAGE_KEY, valid);
    } catch {
      // Storage full or refused: the token still works for this page's life.
    }
    return { token: valid, oldLink };
  }
  let kept: string | null = null;
  try {
    kept = store?.getItem(STORAGE_KEY) ?? null;
    if (kept !== null && !TOKEN_PATTERN.test(kept)) kept = null;
  } catch {
    kept = null;
  }
  return { token: kept, oldLink };
}
