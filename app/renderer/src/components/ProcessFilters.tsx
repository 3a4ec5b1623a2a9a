import { memo, type RefObject } from 'react';
import type { ProcessFilter } from '../processes/table';

interface Props {
  filter: ProcessFilter;
  onFilter(f: ProcessFilter): void;
  /** The kernel filter's words on this host (kernelRuleOf). */
  kernelLabel: string;
  users: readonly string[];
  /** The user the host runs as ("My processes"); null when the host does not say. */
  me: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  tree: boolean;
  onTree(tree: boolean): void;
}

/** Search, the quick filters and the tree toggle. */
// Memoised: the page re-renders every live tick, this only when its own props change.
export const ProcessFilters = memo(function ProcessFilters({ filter, onFilter, kernelLabel, users, me, searchRef, tree, onTree }: Props) {
  const set = (p: Partial<ProcessFilter>) => onFilter({ ...filter, ...p });
  return (
    <div className="filters">
      <input
        ref={searchRef}
        type="search"
        aria-label="Search processes"
        placeholder="Search pid, name, user, command  ( / )"
        aria-keyshortcuts="/"
        title="Words match pid, name, user or command line. Fields narrow it down and combine: user:root pid:123 name:ssh port:443 cmd:--verbose"
        size={34}
        value={filter.search}
        onChange={(e) => set({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') set({ search: '' });
          if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="process-table"]')?.focus();
          }
        }}
      />
      {me && (
        <label className="check" title={`Processes of ${me}, the user Procyon runs as`}>
          <input type="checkbox" checked={filter.user === me} onChange={(e) => set({ user: e.target.checked ? me : '' })} />
          My processes
        </label>
      )}
      <label>
        User
        <select value={filter.user} onChange={(e) => set({ user: e.target.value })}>
          <option value="">Everyone</option>
          {(me && !users.includes(me) ? [...users, me] : users).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.hideKernel} onChange={(e) => set({ hideKernel: e.target.checked })} />
        {kernelLabel}
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.onlyActive} onChange={(e) => set({ onlyActive: e.target.checked })} />
        Only active
      </label>
      <label className="check">
        <input type="checkbox" checked={tree} onChange={(e) => onTree(e.target.checked)} />
        Tree view
      </label>
    </div>
  );
});
