export interface UntilOptions {
  /** Milliseconds before giving up (default 15 000: generous, for a loaded machine). */
  timeout?: number;
  /** Milliseconds between tries (default 20). */
  interval?: number;
  /** What is awaited, for the failure message (default: the predicate's source); a function is asked at the deadline. */
  what?: string | (() => string);
}
/** What a truthy result can be: the predicate's type without its falsy members. */
export type Truthy<T> = Exclude<T, false | 0 | 0n | '' | null | undefined>;
export function until<T>(predicate: () => T | Promise<T>, options?: UntilOptions): Promise<Truthy<T>>;
