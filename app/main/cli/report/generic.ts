import { failed } from '../snapshot';
import { heading } from './units';

// The text of a topic no bespoke section prints: whatever shape the collector
// gives it, laid out by key, so a new metric's topic needs no printer.

const INDENT = '  ';

function scalar(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function unavailable(value: { error: { code: string; message: string } }): string {
  return `unavailable: ${value.error.code}: ${value.error.message}`;
}

/** `value` under `label` at `indent`: a scalar (or a list of them) on its line, a record or a list of records as indented lines by key. */
function entry(label: string, value: unknown, indent: string): string[] {
  if (failed(value)) return [`${indent}${label}${unavailable(value)}`];
  if (isScalar(value)) return [`${indent}${label}${scalar(value)}`];
  const entries = Object.entries(value as object);
  if (entries.length === 0) return [`${indent}${label}(empty)`];
  // [property, value] pairs and load averages read best on one line.
  if (Array.isArray(value) && value.every(isScalar)) return [`${indent}${label}${value.map(scalar).join(', ')}`];
  const lines = label === '' ? [] : [`${indent}${label.trimEnd()}`];
  const inner = label === '' ? indent : indent + INDENT;
  return [...lines, ...entries.flatMap(([key, v]) => entry(`${key}: `, v, inner))];
}

/** `pressureStall` → `Pressure stall (pressureStall)`: readable, and names the --json key. */
export function topicTitle(topic: string): string {
  const words = topic.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${topic})`;
}

/**
 * One topic's section. `undefined`: a live-only topic under a captured tree,
 * as the Users section says it. Strings must already be terminal-safe.
 */
export function genericSection(topic: string, value: unknown): string[] {
  const out = [heading(topicTitle(topic))];
  if (value === undefined) return [...out, `${INDENT}(not read under another root)`];
  return [...out, ...entry('', value, INDENT)];
}
