import type { Topic } from '../../shared';

/**
 * Which topics each client shows. The sampler reads the union, so a panel
 * nobody looks at costs nothing (bottom's "collect only what is on screen").
 */
export class TopicRegistry {
  private readonly byClient = new Map<number, ReadonlySet<Topic>>();
  private nextId = 1;

  register(): number {
    const id = this.nextId++;
    this.byClient.set(id, new Set());
    return id;
  }

  set(client: number, topics: readonly Topic[]): void {
    if (this.byClient.has(client)) this.byClient.set(client, new Set(topics));
  }

  has(client: number, topic: Topic): boolean {
    return this.byClient.get(client)?.has(topic) ?? false;
  }

  release(client: number): void {
    this.byClient.delete(client);
  }

  union(): Set<Topic> {
    const all = new Set<Topic>();
    for (const topics of this.byClient.values()) for (const t of topics) all.add(t);
    return all;
  }
}
