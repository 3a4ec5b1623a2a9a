// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { neighbourPage, pageHref, PAGES, parseHash, shownPages, topicsFor } from './pages';

describe('pages', () => {
  it('parse the hash, defaulting to the overview', () => {
    expect(parseHash('#/cpu')).toBe('cpu');
    expect(parseHash('#/Network')).toBe('network');
    expect(parseHash('#/disks?x=1')).toBe('disks');
    expect(parseHash('')).toBe('overview');
    expect(parseHash('#/')).toBe('overview');
    expect(parseHash('#/nope')).toBe('overview');
    expect(pageHref('overview')).toBe('#/');
    expect(pageHref('battery')).toBe('#/battery');
  });
  it('ask for exactly the topics on screen, and none while hidden', () => {
    // The overview has a tile per GPU; the GPU page reads GPUs and nothing else.
    expect(topicsFor('overview', false)).toEqual(['cpu', 'disks', 'partitions', 'network', 'sensors', 'battery', 'gpus']);
    expect(topicsFor('gpu', false)).toEqual(['gpus']);
    // The pages that chart their resource's pressure stall read /proc/pressure; the overview does not show it.
    expect(topicsFor('cpu', false)).toEqual(['cpu', 'pressure']);
    expect(topicsFor('disks', false)).toEqual(['disks', 'partitions', 'pressure']);
    expect(topicsFor('network', false)).toEqual(['network', 'processes', 'processNet', 'sockets']);
    expect(topicsFor('sensors', false)).toEqual(['sensors']);
    expect(topicsFor('battery', false)).toEqual(['battery']);
    expect(topicsFor('system', false)).toEqual([]);
    expect(topicsFor('memory', false)).toEqual(['pressure']);
    expect(topicsFor('processes', false)).toEqual(['processes']);
    expect(topicsFor('processes', true)).toEqual([]);
    expect(topicsFor('overview', true)).toEqual([]);
    // The process page's optional columns add their topics there only.
    expect(topicsFor('processes', false, ['processFds', 'processUss'])).toEqual(['processes', 'processFds', 'processUss']);
    expect(topicsFor('cpu', false, ['processFds'])).toEqual(['cpu', 'pressure']);
    expect(topicsFor('processes', true, ['processFds'])).toEqual([]);
  });
  it('step through the sidebar order, wrapping', () => {
    expect(PAGES.map((p) => p.label)).toEqual(['Overview', 'CPU', 'Memory', 'Disks', 'Network', 'GPU', 'Sensors', 'Battery', 'Processes', 'Services', 'Apps', 'System', 'Alerts', 'Settings']);
    expect(neighbourPage('overview', 1)).toBe('cpu');
    expect(neighbourPage('overview', -1)).toBe('settings');
    expect(neighbourPage('settings', 1)).toBe('overview');
    expect(parseHash('#/settings')).toBe('settings');
    expect(topicsFor('alerts', false)).toEqual([]);
  });
  it('offer the Services page only where the host’s collector lists services, and read them only while it shows', () => {
    const labels = (functions?: Record<string, boolean>) => shownPages(functions).map((p) => p.id);
    // Before the host's info, and where it lacks them (Linux): not there, and the sidebar order is the old one.
    expect(labels(undefined)).not.toContain('services');
    expect(labels({ winServiceIter: false })).toEqual(['overview', 'cpu', 'memory', 'disks', 'network', 'gpu', 'sensors', 'battery', 'processes', 'apps', 'system', 'alerts', 'settings']);
    expect(labels({ winServiceIter: true })).toContain('services');
    const linux = shownPages({ winServiceIter: false });
    expect(neighbourPage('processes', 1, linux)).toBe('apps');
    expect(neighbourPage('processes', 1, shownPages({ winServiceIter: true }))).toBe('services');
    expect(topicsFor('services', false)).toEqual(['services']);
    expect(topicsFor('services', true)).toEqual([]);
    expect(topicsFor('processes', false)).not.toContain('services');
  });

  it('read the control groups only while the Apps page shows, with the process table that names their processes', () => {
    expect(topicsFor('apps', false)).toEqual(['processes', 'cgroups']);
    expect(topicsFor('apps', true)).toEqual([]);
    for (const page of ['overview', 'processes', 'system'] as const) expect(topicsFor(page, false)).not.toContain('cgroups');
  });
});
