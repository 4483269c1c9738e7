import type { ServerResponse } from "node:http";

/** One stored change, serialised once for each audience and written to every subscriber as is. */
export interface OutgoingChange {
  seq: number;
  /** The SSE frame for everyone (its bytes, encoded once), or null when only moderators may see this change. */
  publicFrame: Uint8Array | string | null;
  /** Null when a later change about the same post replaced this one's content (nothing to send; the seq still counts). */
  moderatorFrame: Uint8Array | string | null;
  /**
   * The change as data, for what keeps a copy of the wall's first page current (first-page.ts): the two
   * payloads and, for a change about a post, who wrote it (its participant hash, never sent) and its
   * place in the list (created_at at full precision, as the page's cursors carry it). Absent: unknown.
   */
  data?: {
    type: string;
    public: unknown;
    moderator: unknown;
    post: { id: string; participantHash: string; key: string } | null;
  };
}

/** Something other than a stream that follows a wall's changes in order (the first-page cache). */
export type ChangeObserver = (change: OutgoingChange) => void;

/** Reads a wall's stored changes after a sequence number, in order. */
export type LoadChanges = (wallId: string, afterSeq: number, limit: number) => Promise<OutgoingChange[]>;

export interface Subscriber {
  response: ServerResponse;
  moderator: boolean;
  /** The last seq this subscriber has been sent: nothing at or below it is sent again. */
  lastSeq: number;
  /** While the subscriber's missed changes are replayed, live ones wait here. */
  pending: OutgoingChange[] | null;
  /** Why the hub ended this subscriber's stream, if it did (the stream handler logs it). */
  ended?: StreamEnd;
}

/** Why the hub ends a stream: a socket not keeping up, or the server shutting down. */
export type StreamEnd = "too slow" | "shutdown";

interface WallChannel {
  subscribers: Set<Subscriber>;
  /** Told each change this channel dispatches, after its subscribers; they keep the channel open too. */
  observers: Set<ChangeObserver>;
  /** The last seq broadcast to this wall's subscribers. */
  dispatched: number;
  running: boolean;
  again: boolean;
}

// A subscriber whose socket holds more unsent bytes than this is cut off; it
// reconnects with Last-Event-ID and catches up from the database instead of
// growing this process's memory.
const maxBufferedBytes = 256 * 1024;
const batchSize = 500;

export function sseFrame(seq: number, type: string, payload: unknown): string {
  return `id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * The live subscribers of each wall in this process. A committed change only
 * notifies the hub; the hub reads the wall's new changes from the database in
 * seq order and writes each frame to every subscriber. Seqs are taken by
 * updating the wall's row, whose lock is held until commit, so the committed
 * changes always form an unbroken run 1..N: reading them back delivers in
 * order even when notifications arrive out of order, and works the same when
 * the notification comes from another instance.
 */
export class WallHub {
  private readonly channels = new Map<string, WallChannel>();

  constructor(
    private readonly load: LoadChanges,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Adds a subscriber that has seen everything up to its `lastSeq`, replays what it
   * missed, then keeps it live. `currentSeq` is the wall's last seq as read before;
   * `wokenBefore` is wakeCount() taken before that read. A subscriber already at or
   * past what this wall's channel has broadcast reads nothing from the log.
   */
  async subscribe(
    wallId: string,
    subscriber: Subscriber,
    currentSeq: number,
    wokenBefore?: number,
  ): Promise<() => void> {
    let channel = this.channels.get(wallId);
    // A wake that came while this wall had no channel here went nowhere: if one came after `currentSeq`
    // was read (or that is unknown), a change past it may be committed and not yet sent; the new
    // channel reads the log once for it.
    const missedWake = !channel && wokenBefore !== this.wakes;
    if (!channel) {
      channel = this.openChannel(wallId, currentSeq);
    } else this.followBack(wallId, channel, currentSeq);
    const ch = channel;
    const remove = () => {
      ch.subscribers.delete(subscriber);
      this.closeIfUnused(wallId, ch);
    };
    if (subscriber.lastSeq >= ch.dispatched) {
      // Nothing it missed has been broadcast here yet: whatever follows its seq reaches it from the
      // channel's own dispatch (which skips what it has seen), so a stream opened at the newest seq
      // (every viewer of a hall joining at once) costs no read of the log.
      subscriber.pending = null;
      ch.subscribers.add(subscriber);
      if (missedWake) this.wake(wallId);
      return remove;
    }
    subscriber.pending = [];
    ch.subscribers.add(subscriber);
    try {
      for (;;) {
        const missed = await this.load(wallId, subscriber.lastSeq, batchSize);
        for (const change of missed) this.send(subscriber, change);
        if (missed.length < batchSize) break;
      }
      const waiting = subscriber.pending;
      subscriber.pending = null;
      for (const change of waiting) this.send(subscriber, change);
    } catch (error) {
      remove();
      throw error;
    }
    if (missedWake) this.wake(wallId);
    return remove;
  }

  /**
   * Follows the wall's changes after what this instance has dispatched (the returned `dispatched`;
   * `currentSeq` and `wokenBefore` as for subscribe, when the wall has no channel yet). The observer is
   * called for each change in seq order, on every instance (the changes come from the log).
   */
  observe(
    wallId: string,
    currentSeq: number,
    wokenBefore: number,
    observer: ChangeObserver,
  ): { dispatched: number; stop(): void } {
    let channel = this.channels.get(wallId);
    const missedWake = !channel && wokenBefore !== this.wakes;
    if (!channel) channel = this.openChannel(wallId, currentSeq);
    else this.followBack(wallId, channel, currentSeq);
    const ch = channel;
    ch.observers.add(observer);
    const dispatched = ch.dispatched;
    if (missedWake) this.wake(wallId);
    return {
      dispatched,
      stop: () => {
        ch.observers.delete(observer);
        this.closeIfUnused(wallId, ch);
      },
    };
  }

  /**
   * A wall's seq read below what its channel has dispatched: the log went back (the database restored from a
   * backup while this instance kept the channel open, e.g. for the first-page cache), or a change was dispatched
   * between that read and now. The channel follows from the lower seq and reads the log again at once: after a
   * restore the renumbered changes reach everyone; in the race, the change is sent again and skipped by whoever
   * has it (send() and the cache ignore a seq they have seen) and reaches whoever had not.
   */
  private followBack(wallId: string, channel: WallChannel, currentSeq: number): void {
    if (currentSeq >= channel.dispatched) return;
    channel.dispatched = currentSeq;
    this.wake(wallId);
  }

  private openChannel(wallId: string, currentSeq: number): WallChannel {
    const channel: WallChannel = {
      subscribers: new Set(),
      observers: new Set(),
      dispatched: currentSeq,
      running: false,
      again: false,
    };
    this.channels.set(wallId, channel);
    return channel;
  }

  private closeIfUnused(wallId: string, channel: WallChannel): void {
    if (channel.subscribers.size === 0 && channel.observers.size === 0 && this.channels.get(wallId) === channel)
      this.channels.delete(wallId);
  }

  /** Where a committed change is also announced to other instances (PostgreSQL NOTIFY); none for PGlite. */
  private announce: ((wallId: string) => void) | null = null;

  announceTo(announce: (wallId: string) => void): void {
    this.announce = announce;
  }

  /** Something was committed on this wall here: wake this instance's streams and tell the others. */
  notify(wallId: string): void {
    this.announce?.(wallId);
    this.wake(wallId);
  }

  /** Every wake so far, of any wall. */
  private wakes = 0;

  /**
   * Take this before reading a wall's newest seq and give it to subscribe(): a wake between the two
   * (a change committed meanwhile, while the wall had no streams here) is then not missed.
   */
  wakeCount(): number {
    return this.wakes;
  }

  /** Something was committed on this wall (here or on another instance): send it to this instance's streams. */
  wake(wallId: string): void {
    this.wakes += 1;
    const channel = this.channels.get(wallId);
    if (!channel) return;
    if (channel.running) {
      channel.again = true;
      return;
    }
    channel.running = true;
    void this.dispatch(wallId, channel);
  }

  /** Every wall with streams here catches up from the database (after missed notifications). */
  wakeAll(): void {
    for (const wallId of this.channels.keys()) this.wake(wallId);
  }

  count(wallId?: string): number {
    if (wallId) return this.channels.get(wallId)?.subscribers.size ?? 0;
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  /** Ends every stream (shutdown); clients reconnect and resume from their Last-Event-ID. Returns how many. */
  closeAll(): number {
    let n = 0;
    for (const [wallId, channel] of this.channels) {
      for (const s of channel.subscribers) {
        this.end(s, "shutdown");
        n += 1;
      }
      channel.subscribers.clear();
      // What observes a wall (the first-page cache) keeps following it until it stops.
      this.closeIfUnused(wallId, channel);
    }
    return n;
  }

  private async dispatch(wallId: string, channel: WallChannel): Promise<void> {
    try {
      do {
        channel.again = false;
        let changes: OutgoingChange[] = [];
        try {
          changes = await this.load(wallId, channel.dispatched, batchSize);
        } catch (error) {
          // Subscribers stay connected; the next notification retries from the same seq.
          this.onError(error);
          return;
        }
        for (const change of changes) {
          for (const subscriber of channel.subscribers) this.write(subscriber, change);
          channel.dispatched = change.seq;
          for (const observer of channel.observers) {
            try {
              observer(change);
            } catch (error) {
              this.onError(error);
            }
          }
        }
        if (changes.length === batchSize) channel.again = true;
      } while (channel.again);
    } finally {
      // In the same step as the loop's last check: a wake that comes after it starts a new dispatch
      // (cleared a microtask later, in a .finally() of the caller, such a wake was lost).
      channel.running = false;
    }
  }

  private write(subscriber: Subscriber, change: OutgoingChange): void {
    if (subscriber.pending) subscriber.pending.push(change);
    else this.send(subscriber, change);
  }

  private send(subscriber: Subscriber, change: OutgoingChange): void {
    if (change.seq <= subscriber.lastSeq) return;
    subscriber.lastSeq = change.seq;
    const frame = subscriber.moderator ? change.moderatorFrame : change.publicFrame;
    if (frame === null) return;
    const { response } = subscriber;
    // Cut off already, its socket still draining: writing after end() would be an error.
    if (response.writableEnded) return;
    if (response.writableLength > maxBufferedBytes) {
      this.end(subscriber, "too slow");
      return;
    }
    response.write(frame);
  }

  private end(subscriber: Subscriber, reason: StreamEnd): void {
    subscriber.ended ??= reason;
    subscriber.response.end();
  }
}
