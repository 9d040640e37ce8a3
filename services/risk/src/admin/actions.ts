import { BYTE_LIMITS, parseFreeText, parseReviewer, parseUserId } from '@vigil/input';
import { timestampFromMillis, vigil } from '@vigil/proto';
import { ACKS_ALL, backoffDelay, sleep, type BackoffOptions, type Logger } from '@vigil/runtime';
import type { Producer } from 'kafkajs';
import { AuditPublishError, InvalidRequestError, validInput } from '../errors';
import { watermarkKey } from '../model/apply';
import { ADMIN_ACTIONS } from '../model/events';
import { isRestrictedAt } from '../model/state';
import type { Policy } from '../policy/policy';
import { decodeState } from '../store/codec';
import type { RiskStore } from '../store/store';
import { adminAuditEvent } from './audit-event';
import { riskProfile } from './profile';

/** Polls for an applied admin action: 5 ms, doubling to 50 ms (the runtime's one backoff). */
const APPLIED_POLL: BackoffOptions = { initialMs: 5, maxMs: 50 };

export interface AdminActionsOptions {
  producer: Producer;
  /** The admin log: written only by risk, read only by risk (see model/events.ts). */
  adminTopic: string;
  /** The store on the long-timeout Redis client. */
  store: RiskStore;
  policy: Policy;
  clock: () => number;
  nextEventId: (now: number) => string;
  /** Longest wait for Kafka to acknowledge an admin audit event. */
  publishTimeoutMs: number;
  /** Longest wait for the risk consumers to apply it before answering `applied: false`. */
  applyTimeoutMs: number;
  logger: Logger;
}

const MAX_TTL_SECONDS = 366 * 86_400;

/**
 * Admin actions never write risk state directly. They publish an audit event to the admin topic
 * (acks=all) and then wait, briefly, for the stream processor to apply it. The risk state thus
 * stays a pure function of the audit log: a replay or rebuild reproduces every review and manual
 * restriction, and nothing happens that the log does not show.
 */
export class AdminActions {
  constructor(private readonly options: AdminActionsOptions) {}

  async profile(userId: string): Promise<vigil.v1.IRiskProfile> {
    const user = requireUser(userId);
    const state = decodeState(await this.options.store.load(user));
    return riskProfile(user, state, this.options.clock(), this.options.policy);
  }

  async clearRestriction(
    request: vigil.v1.IClearRestrictionRequest,
    caller: string,
  ): Promise<vigil.v1.IClearRestrictionResponse> {
    const { userId, reviewer, reason } = requireAction(request);
    const now = this.options.clock();
    const before = decodeState(await this.options.store.load(userId));
    const published = await this.publish(userId, now, (eventId) =>
      adminAuditEvent({
        eventId,
        action: ADMIN_ACTIONS.clearRestriction,
        subjectUserId: userId,
        reviewer,
        reason,
        caller,
        at: now,
      }),
    );
    const applied = await this.waitApplied(userId, published.mark, published.offset);
    this.options.logger.info(
      { userId, reviewer, caller, eventId: published.eventId, applied },
      'restriction cleared',
    );
    return {
      wasRestricted: isRestrictedAt(before.restriction, now),
      auditEventId: published.eventId,
      applied,
    };
  }

  async restrictUser(
    request: vigil.v1.IRestrictUserRequest,
    caller: string,
  ): Promise<vigil.v1.IRestrictUserResponse> {
    const { userId, reviewer, reason } = requireAction(request);
    const ttlSeconds = Number(request.ttlSeconds ?? 0);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
      throw new InvalidRequestError(`ttl_seconds must be an integer from 0 to ${MAX_TTL_SECONDS}`);
    }
    const now = this.options.clock();
    const published = await this.publish(userId, now, (eventId) =>
      adminAuditEvent({
        eventId,
        action: ADMIN_ACTIONS.restrictUser,
        subjectUserId: userId,
        reviewer,
        reason,
        caller,
        at: now,
        ...(ttlSeconds > 0 ? { ttlSeconds } : {}),
      }),
    );
    const applied = await this.waitApplied(userId, published.mark, published.offset);
    let until: number | undefined;
    if (applied) {
      until = decodeState(await this.options.store.load(userId)).restriction?.until;
    }
    this.options.logger.info(
      { userId, reviewer, caller, eventId: published.eventId, applied },
      'user restricted',
    );
    return {
      auditEventId: published.eventId,
      applied,
      until: until === undefined ? null : timestampFromMillis(until),
    };
  }

  private async publish(
    userId: string,
    now: number,
    build: (eventId: string) => vigil.v1.AccessEvent,
  ): Promise<{ eventId: string; mark: string; offset: number }> {
    const { producer, adminTopic, publishTimeoutMs } = this.options;
    const eventId = this.options.nextEventId(now);
    const value = Buffer.from(vigil.v1.AccessEvent.encode(build(eventId)).finish());
    const send = producer.send({
      topic: adminTopic,
      acks: ACKS_ALL,
      messages: [{ key: userId, value, timestamp: String(now) }],
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new AuditPublishError(`Kafka did not acknowledge within ${publishTimeoutMs} ms`)),
        publishTimeoutMs,
      );
    });
    try {
      const [ack] = await Promise.race([send, timeout]);
      if (!ack) throw new AuditPublishError('Kafka returned no record metadata');
      return {
        eventId,
        mark: watermarkKey(adminTopic, ack.partition),
        offset: Number(ack.baseOffset),
      };
    } catch (err) {
      // The durable producer keeps retrying in the background: the event may still land, and the
      // action then takes effect. Callers are told UNAVAILABLE; retrying the action is harmless.
      send.catch(() => undefined);
      if (err instanceof AuditPublishError) throw err;
      throw new AuditPublishError(`publishing the audit event failed: ${(err as Error).message}`, {
        cause: err,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Polls the subject's watermark until the event is applied or the wait is over. */
  private async waitApplied(userId: string, mark: string, offset: number): Promise<boolean> {
    const deadline = Date.now() + this.options.applyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const applied = await this.options.store.watermark(userId, mark);
        if (applied !== undefined && applied >= offset) return true;
      } catch {
        // Redis hiccup: keep polling until the deadline.
      }
      const delay = backoffDelay(attempt, APPLIED_POLL);
      if (Date.now() + delay > deadline) return false;
      await sleep(delay);
    }
  }
}

/** The subject of an admin call: a user id under the shared rules, case-folded (@vigil/input). */
function requireUser(userId: string | null | undefined): string {
  return validInput(parseUserId(userId));
}

/**
 * An admin action's subject, reviewer and reason under the shared rules: the subject and the
 * reviewer are user ids (the reviewer becomes the audit event's actor), so a newline or an
 * invisible character is refused, not stored; the reason is free text that must not be blank.
 */
function requireAction(request: {
  userId?: string | null;
  reviewer?: string | null;
  reason?: string | null;
}): { userId: string; reviewer: string; reason: string } {
  const userId = requireUser(request.userId);
  const reviewer = validInput(parseReviewer(request.reviewer));
  const reason = validInput(
    parseFreeText(request.reason, {
      field: 'reason',
      maxBytes: BYTE_LIMITS.reason,
      required: true,
    }),
  );
  return { userId, reviewer, reason };
}
