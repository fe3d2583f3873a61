import { parseInputBatch } from "../shared/protocol";
import { InputBatcher } from "./InputBatcher";
import type { InputBatchMessage } from "../shared/protocol";

describe("InputBatcher", () => {
  it("sends two steps a message, which the server expands back into the same steps", () => {
    const sent: InputBatchMessage[] = [];
    const batcher = new InputBatcher((message) => sent.push(message), 2);
    batcher.push(1, 1, 100);
    expect(sent).toHaveLength(0);
    batcher.push(2, 5, 101);
    batcher.push(3, 0, 102);
    batcher.push(4, 16, 103);
    expect(sent).toEqual([
      { seq: 1, keys: [1, 5], seen: 100 },
      { seq: 3, keys: [0, 16], seen: 102 },
    ]);
    expect(sent.flatMap((message) => parseInputBatch(message)!)).toEqual([
      { seq: 1, keys: 1, seen: 100 },
      { seq: 2, keys: 5, seen: 101 },
      { seq: 3, keys: 0, seen: 102 },
      { seq: 4, keys: 16, seen: 103 },
    ]);
  });

  it("flushes a lone step as a plain number, and never joins steps that are not consecutive", () => {
    const sent: InputBatchMessage[] = [];
    const batcher = new InputBatcher((message) => sent.push(message), 2);
    batcher.push(7, 2, undefined);
    batcher.flush();
    batcher.flush();
    batcher.push(9, 4, undefined);
    batcher.push(11, 8, undefined);
    batcher.flush();
    expect(sent).toEqual([
      { seq: 7, keys: 2 },
      { seq: 9, keys: 4 },
      { seq: 11, keys: 8 },
    ]);
  });
});
