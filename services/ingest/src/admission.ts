import { IngestError } from './errors';

export interface AdmissionLimits {
  maxEvents: number;
  maxBytes: number;
}

/**
 * Bounds the work accepted but not yet acknowledged by Kafka. A request takes all the room it
 * needs or none: when Kafka is slow the bound fills and new requests are refused at once with
 * OVERLOADED, instead of queueing without limit. Room is returned only when Kafka has answered
 * for the events (not when their caller stops waiting): accepted events stay accounted for
 * until they are stored.
 */
export class Admission {
  private events = 0;
  private bytes = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly retryAfterMs = 1_000,
  ) {}

  /** Takes room for `events` events of `bytes` bytes, or throws OVERLOADED. */
  acquire(events: number, bytes: number): Permit {
    if (this.events + events > this.limits.maxEvents || this.bytes + bytes > this.limits.maxBytes) {
      throw new IngestError(
        'OVERLOADED',
        `too many events in flight (${this.events} events, ${this.bytes} bytes); retry later`,
        { retryAfterMs: this.retryAfterMs },
      );
    }
    this.events += events;
    this.bytes += bytes;
    let remainingEvents = events;
    let remainingBytes = bytes;
    return {
      release: (releasedEvents = remainingEvents, releasedBytes = remainingBytes) => {
        const e = Math.min(releasedEvents, remainingEvents);
        const b = Math.min(releasedBytes, remainingBytes);
        remainingEvents -= e;
        remainingBytes -= b;
        this.events -= e;
        this.bytes -= b;
      },
    };
  }

  get inFlightEvents(): number {
    return this.events;
  }

  get inFlightBytes(): number {
    return this.bytes;
  }
}

export interface Permit {
  /** Returns room, by default all that is left of this permit. Extra releases are no-ops. */
  release(events?: number, bytes?: number): void;
}
