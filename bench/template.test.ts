/** Report templates: every placeholder filled, every value used, and list items read back one per line. */
import { fillTemplate, listItems } from "./template";

describe("fillTemplate", () => {
  it("fills each {{name}}, as often as it appears", () => {
    expect(fillTemplate("{{cores}} cores: above {{cores}}, {{what}}.\n", { cores: 2, what: "busy" })).toBe("2 cores: above 2, busy.\n");
  });

  it("throws on a placeholder without a value and on a value without a placeholder", () => {
    expect(() => fillTemplate("{{a}} and {{b}}", { a: 1 })).toThrow("template: no value for {{b}}");
    expect(() => fillTemplate("{{a}}", { a: 1, extra: "x" })).toThrow("template: no placeholder for extra");
  });

  it("leaves text that only looks like a placeholder alone", () => {
    expect(fillTemplate("{ {a} } {{ a }} {{a}}", { a: "x" })).toBe("{ {a} } {{ a }} x");
  });
});

describe("listItems", () => {
  it("joins each item's wrapped lines and skips what comes before the list", () => {
    const markdown = "<!-- notes -->\n\n- first item\n  wrapped once\n  and twice.\n- second.\n\n- third,\n  after a blank line.\n";
    expect(listItems(markdown)).toEqual(["first item wrapped once and twice.", "second.", "third, after a blank line."]);
  });
});
