// A window is shown on its first paint, never before (no blank flash), and a
// show asked for earlier waits for that paint. A window left maximised opens
// maximised: Electron's maximize() also shows the window (electron.d.ts, 45),
// so it is called at the reveal, in place of show(), not when the window is made.

export interface RevealableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  maximize(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export interface Revealer {
  /** Shows and focuses the window now if it has painted, else on its first paint. */
  reveal(): void;
}

export function revealOnFirstPaint(win: RevealableWindow, opts: { maximized: boolean }): Revealer {
  let painted = false;
  let wanted = false;
  let shown = false;
  const show = () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    // Maximised once, on the first show: later shows keep whatever size the user has chosen since.
    if (!shown && opts.maximized) win.maximize();
    else win.show();
    shown = true;
    win.focus();
  };
  win.once('ready-to-show', () => {
    painted = true;
    if (wanted) show();
  });
  return {
    reveal() {
      if (painted) show();
      else wanted = true;
    },
  };
}
