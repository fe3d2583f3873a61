import { INPUT_HEARTBEAT_STEPS } from "../shared/net/netConstants";
import { Key } from "../shared/sim/input";
import { parseInput, type InputMessage } from "../shared/net/inputMessage";
import { InputSender } from "./InputSender";

function sender(): { sent: InputMessage[]; inputs: InputSender } {
  const sent: InputMessage[] = [];
  return { sent, inputs: new InputSender((message) => sent.push(message), 2, INPUT_HEARTBEAT_STEPS) };
}

describe("InputSender", () => {
  it("sends a key change at once, as 'keys K from step S', with the newest step and the tick seen", () => {
    const { sent, inputs } = sender();
    for (let step = 1; step <= 5; step++) inputs.push(step, 0, 100 + step);
    expect(sent).toEqual([]);
    inputs.push(6, Key.Up, 106);
    expect(sent).toEqual([{ upTo: 6, seen: 106, runs: [[6, Key.Up]] }]);
    expect(parseInput(sent[0])).toEqual({ upTo: 6, seen: 106, runs: [[6, Key.Up]] });
  });

  it("a round-trip probe is echoed with the very next step, once, whatever the heartbeat's timing", () => {
    const { sent, inputs } = sender();
    inputs.push(1, Key.Up, undefined);
    inputs.push(2, Key.Up, undefined);
    expect(sent).toHaveLength(1);
    inputs.echo(77);
    inputs.push(3, Key.Up, undefined);
    expect(sent[1]).toEqual({ upTo: 3, echo: 77 });
    expect(parseInput(sent[1])).toEqual({ upTo: 3, seen: undefined, runs: [], echo: 77 });
    inputs.push(4, Key.Up, undefined);
    expect(sent).toHaveLength(2);
    // Later patches carry the same probe until the next: it is not echoed again; 0 (no probe) never is.
    inputs.echo(77);
    inputs.echo(0);
    inputs.push(5, Key.Up, undefined);
    expect(sent).toHaveLength(2);
  });

  it("holding the same keys costs a heartbeat every INPUT_HEARTBEAT_STEPS steps", () => {
    const { sent, inputs } = sender();
    for (let step = 1; step <= 60; step++) inputs.push(step, Key.Up, undefined);
    expect(sent[0]).toEqual({ upTo: 2, runs: [[1, Key.Up]] });
    expect(sent.slice(1)).toEqual(
      [2 + INPUT_HEARTBEAT_STEPS, 2 + 2 * INPUT_HEARTBEAT_STEPS, 2 + 3 * INPUT_HEARTBEAT_STEPS].map((upTo) => ({ upTo })),
    );
  });

  it("a change the step after a message waits one step, so a tap's press and release go together", () => {
    const { sent, inputs } = sender();
    inputs.push(1, Key.Up, undefined);
    inputs.push(2, Key.Up, undefined);
    expect(sent).toHaveLength(1);
    inputs.push(3, Key.Up | Key.Fire, undefined);
    expect(sent).toHaveLength(1);
    inputs.push(4, Key.Up, undefined);
    expect(sent[1]).toEqual({
      upTo: 4,
      runs: [
        [3, Key.Up | Key.Fire],
        [4, Key.Up],
      ],
    });
  });

  it("a step whose keys flicker back within the gap is still told step by step", () => {
    const { sent, inputs } = sender();
    inputs.push(1, Key.Left, undefined);
    inputs.push(2, 0, undefined);
    expect(sent.flatMap((message) => message.runs ?? [])).toEqual([
      [1, Key.Left],
      [2, 0],
    ]);
  });

  it("flush sends what waits, and nothing twice", () => {
    const { sent, inputs } = sender();
    inputs.push(1, 0, undefined);
    inputs.flush();
    inputs.flush();
    expect(sent).toEqual([{ upTo: 1 }]);
  });
});
