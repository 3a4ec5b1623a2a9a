// Generated from the declarations in this folder by test/metric-index.test.ts; do not edit
// (after adding or removing one: npx vitest run test/metric-index.test.ts -u).
import pressure from './pressure';

/** Every declared metric, one per file of this folder, in file-name order. */
export const METRICS = [pressure] as const;
