import type { Topic } from '../../shared';
import { watchUnion, type SocketWatch } from './talker-sockets';

interface Shown {
  topics: ReadonlySet<Topic>;
  /** The processes whose sockets it lists (SetTopicsRequest.sockets). */
  sockets: readonly SocketWatch[];
}

/**
 * Which topics each client shows, and whose sockets. The sampler reads the
 * union, so a panel nobody looks at costs nothing (bottom's "collect only
 * what is on screen").
 */
export class TopicRegistry {
  private readonly byClient = new Map<number, Shown>();
  private nextId = 1;

  register(): number {
    const id = this.nextId++;
    this.byClient.set(id, { topics: new Set(), sockets: [] });
    return id;
  }

  set(client: number, topics: readonly Topic[], sockets: readonly SocketWatch[] = []): void {
    if (this.byClient.has(client)) this.byClient.set(client, { topics: new Set(topics), sockets: [...sockets] });
  }

  has(client: number, topic: Topic): boolean {
    return this.byClient.get(client)?.topics.has(topic) ?? false;
  }

  /** The processes whose sockets this client lists. */
  sockets(client: number): readonly SocketWatch[] {
    return this.byClient.get(client)?.sockets ?? [];
  }

  release(client: number): void {
    this.byClient.delete(client);
  }

  union(): Set<Topic> {
    const all = new Set<Topic>();
    for (const { topics } of this.byClient.values()) for (const t of topics) all.add(t);
    return all;
  }

  /** Every client's listed processes, each once (bounded: watchUnion). */
  socketUnion(): SocketWatch[] {
    return watchUnion([...this.byClient.values()].map((s) => s.sockets));
  }
}
