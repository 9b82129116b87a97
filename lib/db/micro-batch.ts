/**
 * Collects work that arrives together and hands it over in batches. A batch
 * is sent once the event loop has finished the I/O it is processing (so every
 * request that arrived in the same turn joins it: a lone request waits no
 * timer at all), or at once when it reaches `maxSize`. While `maxInFlight`
 * batches are out, new work waits for one of them to finish and then goes as
 * one bigger batch: under load batches grow by themselves, idle they are
 * single requests sent without delay.
 */

export type MicroBatchOptions<T> = {
  maxSize: number;
  maxInFlight: number;
  /** Sends one batch and answers every item of it; resolves once it no longer needs its slot. */
  send: (items: T[]) => Promise<void>;
};

export class MicroBatch<T> {
  private pending: T[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(private readonly options: MicroBatchOptions<T>) {}

  add(item: T): void {
    this.pending.push(item);
    if (this.pending.length >= this.options.maxSize && this.inFlight < this.options.maxInFlight) {
      this.flush();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        if (this.inFlight < this.options.maxInFlight) this.flush();
      });
    }
  }

  private flush(): void {
    while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight) {
      const items = this.pending.splice(0, this.options.maxSize);
      this.inFlight++;
      const done = () => {
        this.inFlight--;
        // Work that queued while this batch was out goes now, as one batch.
        if (this.pending.length > 0 && !this.scheduled) this.flush();
      };
      this.options.send(items).then(done, done);
    }
  }
}
