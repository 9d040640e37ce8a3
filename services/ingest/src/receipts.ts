/** Where Kafka stored one event, as returned to the caller. */
export interface Receipt {
  eventId: string;
  topic: string;
  partition: number;
  offset: number;
  /** True when this is the original receipt of an event id seen within the dedup window. */
  duplicate: boolean;
}
