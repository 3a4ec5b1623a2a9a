// Whether the user can see the main window, for the topic gate (topic-gate.ts):
// a minimised or hidden window's topics are held back. On Wayland, the
// default on Linux since Electron 38, "minimised" is not a state the
// compositor reports: 'minimize' comes only from client-side decorations and
// 'restore' not at all (electron.d.ts, 45), so a window brought back from the
// dock would keep its topics held back. Focus is the sign it is on screen
// again, on every platform. Where no 'minimize' comes, the page's own
// document.hidden drops its topics.

export type VisibilityEvent = 'minimize' | 'restore' | 'hide' | 'show' | 'focus';

export interface VisibilityWindow {
  on(event: VisibilityEvent, listener: () => void): unknown;
  isMinimized(): boolean;
}

export function trackVisibility(win: VisibilityWindow, opts: { wayland: boolean }, setVisible: (visible: boolean) => void): void {
  win.on('minimize', () => setVisible(false));
  win.on('hide', () => setVisible(false));
  win.on('restore', () => setVisible(true));
  // isMinimized() is not to be trusted on Wayland either.
  win.on('show', () => setVisible(opts.wayland || !win.isMinimized()));
  win.on('focus', () => setVisible(true));
}
