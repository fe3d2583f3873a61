import { addressOfAuth, CLIENT_ADDRESS_HEADER, seatHolderOf } from "./seatHolder";

test("the seat holder is the address the guard wrote, and nothing when it wrote none", () => {
  expect(seatHolderOf({ headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.4" }) })).toEqual({ address: "203.0.113.4" });
  expect(seatHolderOf({ headers: new Headers({ "x-real-ip": "203.0.113.4" }) })).toBeUndefined();
  expect(seatHolderOf(undefined)).toBeUndefined();
});

test("an auth answer without a string address names no one", () => {
  expect(addressOfAuth({ address: "198.51.100.7" })).toBe("198.51.100.7");
  for (const auth of [undefined, true, null, { address: 7 }, "198.51.100.7"]) expect(addressOfAuth(auth)).toBe("");
});
