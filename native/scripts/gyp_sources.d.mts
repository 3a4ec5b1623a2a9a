// Types of gyp_sources.mjs, for the tests that read the addon's source list.
export function ccFiles(dirs: string[]): string[];
export function gypSources(conditions?: string[]): string[];
