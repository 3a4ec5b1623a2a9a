import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { trackVisibility, type VisibilityEvent } from './window-visibility';

function windowWithGate(wayland: boolean) {
  const win = Object.assign(new EventEmitter(), {
    minimized: false,
    isMinimized(): boolean {
      return win.minimized;
    },
  });
  const seen: boolean[] = [];
  trackVisibility(win as unknown as Parameters<typeof trackVisibility>[0], { wayland }, (v) => seen.push(v));
  const fire = (...events: VisibilityEvent[]) => events.forEach((e) => win.emit(e));
  return { win, seen, fire, visible: () => seen.at(-1) };
}

describe('the main window’s visibility, for the topic gate', () => {
  it('on X11, Windows and macOS: minimise and hide hold topics back, restore and show give them back', () => {
    const w = windowWithGate(false);
    w.fire('minimize');
    expect(w.visible()).toBe(false);
    w.fire('restore');
    expect(w.visible()).toBe(true);
    w.fire('hide');
    expect(w.visible()).toBe(false);
    w.win.minimized = true;
    w.fire('show'); // shown but still minimised
    expect(w.visible()).toBe(false);
  });

  it('on Wayland: a window minimised from its decorations comes back with focus, where no restore event ever comes', () => {
    const w = windowWithGate(true);
    w.fire('minimize');
    expect(w.visible()).toBe(false);
    // Brought back from the dock: the compositor sends focus, not 'restore'.
    w.fire('focus');
    expect(w.visible()).toBe(true);
    // isMinimized() can be stale there: show means shown.
    w.win.minimized = true;
    w.fire('hide', 'show');
    expect(w.visible()).toBe(true);
  });
});
