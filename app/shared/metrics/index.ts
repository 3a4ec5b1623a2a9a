// Generated from the declarations in this folder by scripts/metric-index.mjs; do not edit
// (npm run build:app rewrites it; after adding or removing one without a build: node scripts/metric-index.mjs).
import cgroups from './cgroups';
import gpus from './gpus';
import pressure from './pressure';
import services from './services';
import sockets from './sockets';

/** Every declared metric, one per file of this folder, in file-name order. */
export const METRICS = [cgroups, gpus, pressure, services, sockets] as const;
