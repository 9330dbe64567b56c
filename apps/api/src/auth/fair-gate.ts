/**
 * A bounded, fair queue for expensive work (argon2). At most `concurrency` tasks run at
 * once in this process and one key (a client address) at most `perKey` of them, so a
 * flood from one address always leaves a slot to the others; waiting keys are served
 * round-robin; a key may have at most `maxQueuedPerKey` tasks waiting — beyond that the
 * caller is refused at once. A flood from one address therefore costs that address its
 * own queue, never the other addresses' logins.
 */
export class FairGate {
  private active = 0;
  private readonly activeByKey = new Map<string, number>();
  /** Waiting tasks per key; Map iteration order is the round-robin order. */
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly perKey: number;

  constructor(
    private readonly concurrency: number,
    private readonly maxQueuedPerKey: number,
  ) {
    this.perKey = Math.max(1, concurrency - 1);
  }

  /** Runs `task` when its turn comes; throws `refuse()` at once when the key's queue is full. */
  async run<T>(key: string, task: () => Promise<T>, refuse: () => Error): Promise<T> {
    if (this.canStart(key) && !this.waiting.has(key)) {
      this.start(key);
    } else {
      if (this.isFull(key)) throw refuse();
      const queue = this.waiting.get(key) ?? [];
      // start(key) is called by dispatch() before this resolves.
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        if (!this.waiting.has(key)) this.waiting.set(key, queue);
      });
    }
    try {
      return await task();
    } finally {
      this.finish(key);
    }
  }

  /** True when a task for `key` would be refused now (its queue is full). */
  isFull(key: string): boolean {
    return (this.waiting.get(key)?.length ?? 0) >= this.maxQueuedPerKey;
  }

  private canStart(key: string): boolean {
    return this.active < this.concurrency && (this.activeByKey.get(key) ?? 0) < this.perKey;
  }

  private start(key: string): void {
    this.active++;
    this.activeByKey.set(key, (this.activeByKey.get(key) ?? 0) + 1);
  }

  private finish(key: string): void {
    this.active--;
    const left = (this.activeByKey.get(key) ?? 1) - 1;
    if (left) this.activeByKey.set(key, left);
    else this.activeByKey.delete(key);
    this.dispatch();
  }

  /** Starts waiting tasks while slots are free: the first key in turn that may start, which then goes to the back. */
  private dispatch(): void {
    for (const [key, queue] of this.waiting) {
      if (this.active >= this.concurrency) return;
      if (!this.canStart(key)) continue;
      const resolve = queue.shift()!;
      this.waiting.delete(key);
      if (queue.length) this.waiting.set(key, queue);
      this.start(key);
      resolve();
    }
  }
}
