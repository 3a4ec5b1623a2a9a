// Generated from the declarations in this folder by test/support/metric-index.mjs; do not edit
// (after adding or removing one: node test/support/metric-index.mjs).
import pressure from './pressure';

/** Every declared metric, one per file of this folder, in file-name order. */
export const METRICS = [pressure] as const;
