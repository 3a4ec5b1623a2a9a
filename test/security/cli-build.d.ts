export declare const REPO: string;
/** The CLI bundle that bin/procyon.js runs, rebuilt when a main or shared source is newer (as test/integration does). */
export declare function ensureCliBuilt(): void;
