import { POPUP_OPERATIONS } from '../../shared';
import type { IpcRequest, TrustPolicy } from './ipc';

/** What the tray popup's page may ask (the same list its preload exposes). */
export const POPUP_REQUESTS: ReadonlySet<IpcRequest> = new Set<IpcRequest>(POPUP_OPERATIONS);

/** The main window's page may do everything MonitorApi offers; the popup's only POPUP_REQUESTS; any other page nothing. */
export function windowPolicy(isAppUrl: (url: string) => boolean, isPopupUrl: (url: string) => boolean): TrustPolicy {
  return (url, request) => isAppUrl(url) || (isPopupUrl(url) && POPUP_REQUESTS.has(request));
}
