import { Key } from "../../../shared/input";
import type { InputMessage } from "../../../shared/protocol";
import { HEARTBEAT_MS, InputSender } from "./InputSender";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("sends on change only, with growing sequence numbers", () => {
  const sent: InputMessage[] = [];
  const sender = new InputSender((message) => sent.push(message));
  sender.setKeys(Key.Up);
  sender.setKeys(Key.Up); // no change: nothing sent
  sender.setKeys(Key.Up | Key.Fire);
  sender.setKeys(0);
  expect(sent).toEqual([
    { seq: 1, keys: Key.Up },
    { seq: 2, keys: Key.Up | Key.Fire },
    { seq: 3, keys: 0 },
  ]);
  sender.dispose();
});

test("repeats the held keys as a heartbeat, and stops when disposed", () => {
  const sent: InputMessage[] = [];
  const sender = new InputSender((message) => sent.push(message));
  sender.setKeys(Key.Left);
  jest.advanceTimersByTime(HEARTBEAT_MS * 3);
  expect(sent.map((message) => message.keys)).toEqual([Key.Left, Key.Left, Key.Left, Key.Left]);
  expect(sent.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  sender.dispose();
  jest.advanceTimersByTime(HEARTBEAT_MS * 3);
  expect(sent).toHaveLength(4);
});
