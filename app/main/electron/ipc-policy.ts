import type { IpcRequest, TrustPolicy } from './ipc';

/** What the tray popup's page may ask: the Overview tiles' reads, nothing that changes anything. */
export const POPUP_REQUESTS: ReadonlySet<IpcRequest> = new Set<IpcRequest>(['getInfo', 'getSnapshot', 'getHistory', 'setTopics', 'subscribe']);

/** The main window's page may do everything MonitorApi offers; the popup's only POPUP_REQUESTS; any other page nothing. */
export function windowPolicy(isAppUrl: (url: string) => boolean, isPopupUrl: (url: string) => boolean): TrustPolicy {
  return (url, request) => isAppUrl(url) || (isPopupUrl(url) && POPUP_REQUESTS.has(request));
}
