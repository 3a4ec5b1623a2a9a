// Tests wait for a condition, never for an amount of time: `until` polls a
// predicate until it returns something truthy (and returns that), retrying
// through exceptions, and fails with the last value or error after a deadline
// generous enough for a loaded machine.
export async function until(predicate, { timeout = 15_000, interval = 20, what } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) {
      const seen = 'error' in last ? `threw ${last.error instanceof Error ? last.error.message : String(last.error)}` : `returned ${String(last.value)}`;
      const said = typeof what === 'function' ? what() : what;
      throw new Error(`until: ${said ?? predicate.toString().slice(0, 200)} not true after ${timeout} ms (last ${seen})`, { cause: last.error });
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
