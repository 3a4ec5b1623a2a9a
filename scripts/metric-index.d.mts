export const METRICS_FOLDER: string;
export const METRIC_INDEX: string;
export function declarationFiles(): string[];
export function metricIndex(): string;
