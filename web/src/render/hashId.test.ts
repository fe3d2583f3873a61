import { describe, expect, it } from "@jest/globals";
import { hashId } from "./hashId";

describe("hashId", () => {
  it("is 32-bit FNV-1a: the published test values", () => {
    expect(hashId("")).toBe(0x811c9dc5);
    expect(hashId("a")).toBe(0xe40c292c);
    expect(hashId("foobar")).toBe(0xbf9cf968);
  });

  it("is an unsigned 32-bit integer for any id", () => {
    for (const id of ["x", "session-id-123", "ÿ", "🚀🚀🚀"]) {
      const hash = hashId(id);
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 32);
    }
  });
});
