import { dialog, Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { ClientApi } from '../core/api';
import { dispatch } from '../core/dispatch';
import { encodePng } from './png';
import { TrayFeed, type TrayView } from './tray-feed';
import { renderTrayIcon } from './tray-icon';
import { actionErrorText, parseTerminateId, terminatePrompt, trayMenuModel, type TrayMenuItem } from './tray-model';
import type { Rect } from './window-state';

// The Electron side of the tray: icon, tooltip and menu from TrayFeed's views.
// Everything it shows is decided in tray-feed, tray-model and tray-icon.

export interface TrayDeps {
  api: ClientApi;
  readOnly: boolean;
  showMain(): void;
  togglePopup(bounds: Rect | null): void;
  startAtLogin(): boolean;
  startAtLoginSupported: boolean;
  setStartAtLogin(on: boolean): void;
  quit(): void;
}

/** Panel icon sizes: Linux panels are 22–24 px high, Windows and macOS use 16 (32 on HiDPI). */
function iconSizes(): [number, number] {
  return process.platform === 'linux' ? [22, 44] : [16, 32];
}

function iconOf(view: TrayView): NativeImage {
  const [base, double] = iconSizes();
  const image = nativeImage.createEmpty();
  image.addRepresentation({ scaleFactor: 1, buffer: encodePng(renderTrayIcon({ ...view.icon, size: base })) });
  image.addRepresentation({ scaleFactor: 2, buffer: encodePng(renderTrayIcon({ ...view.icon, size: double })) });
  return image;
}

export interface AppTray {
  feed: TrayFeed;
  /** The last view shown (icon numbers, tooltip, top processes). */
  view(): TrayView | null;
  /** The menu's labels, submenus flattened, as the user would read them. */
  menuLabels(): string[];
  destroy(): void;
}

function labels(items: TrayMenuItem[]): string[] {
  return items.flatMap((i) => (i.type === 'separator' ? [] : i.type === 'submenu' ? [i.label, ...labels(i.submenu)] : [i.label]));
}

export async function createTray(deps: TrayDeps): Promise<AppTray> {
  let view: TrayView | null = null;
  let menuKey = '';
  let model: TrayMenuItem[] = [];
  // Ranking by GPU is offered where the host's collector reads GPUs (a capability absent or true).
  const gpuRanking = await deps.api
    .getInfo()
    .then((info) => info.capabilities.functions.gpus !== false)
    .catch(() => false);
  const tray = new Tray(nativeImage.createEmpty());
  tray.setToolTip('Procyon');

  const toElectron = (items: TrayMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item): MenuItemConstructorOptions => {
      switch (item.type) {
        case 'separator':
          return { type: 'separator' };
        case 'header':
          return { label: item.label, enabled: false };
        case 'submenu':
          return { label: item.label, submenu: toElectron(item.submenu) };
        case 'checkbox':
          return { type: 'checkbox', label: item.label, checked: item.checked, click: () => void onItem(item.id) };
        default:
          return { label: item.label, enabled: item.enabled ?? true, click: () => void onItem(item.id) };
      }
    });

  const refreshMenu = () => {
    if (!view) return;
    model = trayMenuModel({ top: view.top, rank: view.rank, gpuRanking, paused: view.paused, startAtLogin: deps.startAtLogin(), startAtLoginSupported: deps.startAtLoginSupported, readOnly: deps.readOnly });
    // Linux (AppIndicator) only takes a changed menu through setContextMenu, and rebuilding it each tick would close an open one.
    const key = JSON.stringify(model);
    if (key === menuKey) return;
    menuKey = key;
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(model)));
  };

  const feed = new TrayFeed(
    deps.api,
    (v) => {
      view = v;
      if (tray.isDestroyed()) return;
      tray.setImage(iconOf(v));
      tray.setToolTip(v.tooltip);
      refreshMenu();
    },
    { exclude: new Set([process.pid]) },
  );

  async function terminate(id: string): Promise<void> {
    const ref = parseTerminateId(id);
    const proc = ref && view?.top?.find((p) => p.pid === ref.pid && p.createTime === ref.createTime);
    if (!proc) return;
    const { message, detail } = terminatePrompt(proc);
    const answer = await dialog.showMessageBox({ type: 'warning', title: 'Procyon', message, detail, buttons: ['Terminate', 'Cancel'], defaultId: 1, cancelId: 1, noLink: true });
    if (answer.response !== 0) return;
    // The dialog was the confirmation; dispatch applies the same validation and read-only rule as every transport.
    const r = await dispatch(deps.api, { readOnly: deps.readOnly }, 'processAction', { pid: proc.pid, createTime: proc.createTime, action: { kind: 'terminate' }, confirm: true });
    if (!r.ok) await dialog.showMessageBox({ type: 'error', title: 'Procyon', message: 'Could not terminate the process', detail: actionErrorText(proc, r.error), buttons: ['OK'] });
    feed.requestPeek();
  }

  async function onItem(id: string): Promise<void> {
    switch (id) {
      case 'show':
        return deps.showMain();
      case 'popup':
        return deps.togglePopup(null);
      case 'pause':
        return feed.setPaused(!view?.paused);
      case 'rankGpu':
        return feed.setRank(view?.rank === 'gpu' ? 'cpu' : 'gpu');
      case 'startAtLogin':
        deps.setStartAtLogin(!deps.startAtLogin());
        menuKey = '';
        return refreshMenu();
      case 'quit':
        return deps.quit();
      default:
        return terminate(id);
    }
  }

  // Windows and macOS: a click opens the popup, and opening the menu is a good moment to refresh the top list.
  // Linux's AppIndicator sends no clicks: the menu's Quick overview item opens the popup there.
  tray.on('click', (_event, bounds) => deps.togglePopup(bounds));
  tray.on('right-click', () => feed.requestPeek());

  await feed.start();
  return {
    feed,
    view: () => view,
    menuLabels: () => labels(model),
    destroy() {
      feed.stop();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
