import type { WinService } from '@procyon/collector';
import { defineMetric } from './define';

/** What the renderer may know of the collector's record: its type, through the contract. */
export type { WinService };

// Windows services (the collector's winServiceIter(): psutil's
// win_service_iter() with every WindowsService method's answer). The Services
// page lists them; it is read only while that page is shown, and only where
// the collector has services (elsewhere the page and its topic are absent).
// windows_exporter's service families are the exporter's own reads
// (app/main/server/metrics-windows-services.ts), not a tick's sample.

/** At most this many services travel per tick (a machine has a few hundred). */
export const SERVICES_MAX = 5_000;
/** Each text field's bound in characters: what a service's installer wrote is not ours to trust. */
export const SERVICE_TEXT_MAX = 1_024;

const cut = (text: string | null): string | null => (text !== null && text.length > SERVICE_TEXT_MAX ? `${text.slice(0, SERVICE_TEXT_MAX - 1)}…` : text);

/** A service as a tick carries it: the collector's record, its texts bounded. */
function bounded(s: WinService): WinService {
  return { ...s, displayName: cut(s.displayName) ?? '', binpath: cut(s.binpath), username: cut(s.username), description: cut(s.description) };
}

export default defineMetric({
  topic: 'services',
  source: 'winServiceIter',
  sample: (reading) => ({ services: reading.services.slice(0, SERVICES_MAX).map(bounded) }),
  history: false,
  cards: [],
  pages: ['services'],
  exporter: {},
});
