import type { SetTopicsRequest } from '../../shared/schemas';
import type { ClientApi } from '../core/api';

// A window the user cannot see should cost nothing beyond what is always
// sampled. The page drops its topics itself when `document.hidden`, but a
// minimised or hidden window does not report that on every platform; main
// knows for sure, so it holds back the window's topics until it is shown and
// then puts back the last ones the page asked for.

export interface GatedClient {
  api: ClientApi;
  setVisible(visible: boolean): Promise<void>;
  readonly visible: boolean;
}

export function gateTopics(api: ClientApi): GatedClient {
  let requested: SetTopicsRequest = { topics: [] };
  let visible = true;
  // Everything else is the client's own; only setTopics passes the gate.
  const gated: ClientApi = Object.assign(Object.create(api) as ClientApi, {
    async setTopics(request: SetTopicsRequest) {
      requested = { ...request, topics: [...request.topics] };
      if (!visible) {
        await api.setTopics({ topics: [] });
        // The page is told what it asked for: to it the choice stands and is applied once it is seen.
        return { topics: [...new Set(requested.topics)] };
      }
      return api.setTopics(request);
    },
  });
  return {
    api: gated,
    get visible() {
      return visible;
    },
    async setVisible(v) {
      if (v === visible) return;
      visible = v;
      await api.setTopics(v ? requested : { topics: [] });
    },
  };
}
