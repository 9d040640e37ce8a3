import { EXIT } from '../src/exit-codes';
import { missingTopic, recordPositionProblem } from '../src/audit/record-position';

describe('recordPositionProblem: a record that cannot exist is "not found", never "retry"', () => {
  const topics = new Set(['access-events', 'sealed-roots']);
  const partitions = new Map([
    [0, { low: 0, high: 10 }],
    [1, { low: 4, high: 7 }],
    [2, { low: 0, high: 0 }],
  ]);
  const problem = (topic: string, partition: number, offset: number) => {
    const err = recordPositionProblem(
      { topic, partition, offset },
      topics,
      topics.has(topic) ? partitions : undefined,
    );
    return err && { code: err.code, exitCode: err.exitCode, message: err.message };
  };

  it('names a topic that does not exist', () => {
    expect(problem('acces-events', 0, 0)).toEqual({
      code: 'TOPIC_NOT_FOUND',
      exitCode: EXIT.NOT_FOUND,
      message: 'topic acces-events does not exist',
    });
  });

  it('names a partition the topic does not have, and the ones it has', () => {
    expect(problem('access-events', 3, 0)).toEqual({
      code: 'PARTITION_NOT_FOUND',
      exitCode: EXIT.NOT_FOUND,
      message: 'topic access-events has no partition 3 (it has 3: 0..2)',
    });
  });

  it('names an offset beyond the end, or before the start, of the partition', () => {
    expect(problem('access-events', 0, 10)).toMatchObject({
      code: 'OFFSET_NOT_FOUND',
      exitCode: EXIT.NOT_FOUND,
      message: 'access-events/0 has no offset 10: its last offset is 9',
    });
    expect(problem('access-events', 2, 0)?.message).toBe(
      'access-events/2 has no offset 0: the partition is empty',
    );
    expect(problem('access-events', 1, 3)).toMatchObject({
      code: 'OFFSET_NOT_FOUND',
      message: expect.stringContaining('the partition starts at offset 4') as unknown,
    });
  });

  it('finds nothing wrong with an offset the partition holds', () => {
    expect(problem('access-events', 0, 0)).toBeUndefined();
    expect(problem('access-events', 0, 9)).toBeUndefined();
    expect(problem('access-events', 1, 4)).toBeUndefined();
  });

  it('names the flag of a missing roots topic', () => {
    expect(missingTopic('sealed-roots', topics, '--roots-topic')).toBeUndefined();
    expect(missingTopic('roots', topics, '--roots-topic')?.hint).toMatch(/^check --roots-topic/);
  });
});
