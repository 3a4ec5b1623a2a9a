import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { revealOnFirstPaint, type RevealableWindow } from './window-reveal';

/** A window as Electron 45's typings describe it: maximize() and show() both make it visible. */
class FakeWindow extends EventEmitter implements RevealableWindow {
  calls: string[] = [];
  visible = false;
  minimized = false;
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  restore = () => {
    this.calls.push('restore');
    this.minimized = false;
  };
  show = () => {
    this.calls.push('show');
    this.visible = true;
  };
  maximize = () => {
    this.calls.push('maximize');
    this.visible = true;
  };
  focus = () => void this.calls.push('focus');
  /** Shown before its first paint: what the user saw as a blank window. */
  shownBeforePaint = false;
  paint(): void {
    this.shownBeforePaint ||= this.visible;
    this.emit('ready-to-show');
  }
}

describe('revealing the main window', () => {
  it('opens a window left maximised maximised, on its first paint and not before', () => {
    const win = new FakeWindow();
    const r = revealOnFirstPaint(win, { maximized: true });
    r.reveal();
    expect(win.visible).toBe(false);
    win.paint();
    expect(win.shownBeforePaint).toBe(false);
    expect(win.calls).toEqual(['maximize', 'focus']);
  });

  it('shows a normal window on its first paint, and at once once painted', () => {
    const win = new FakeWindow();
    const r = revealOnFirstPaint(win, { maximized: false });
    win.paint();
    expect(win.visible).toBe(false); // painted but not asked for: a --hidden start
    r.reveal();
    expect(win.calls).toEqual(['show', 'focus']);
  });

  it('restores a minimised window and leaves later shows at the size the user chose', () => {
    const win = new FakeWindow();
    const r = revealOnFirstPaint(win, { maximized: true });
    r.reveal();
    win.paint();
    win.minimized = true;
    win.calls = [];
    r.reveal();
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });
});
