import type { NextFunction, Request, Response } from "express";
import { basicAuthPassword, dashboardAccessFrom, guardPrivate, roomCallsOpen } from "./access";

describe("dashboardAccessFrom", () => {
  it("is off unless --gui or DASHBOARD=1, and takes the password from DASHBOARD_PASSWORD", () => {
    expect(dashboardAccessFrom([], {})).toBeUndefined();
    expect(dashboardAccessFrom([], { DASHBOARD: "0" })).toBeUndefined();
    expect(dashboardAccessFrom(["--gui"], {})).toEqual({ password: undefined, roomCalls: false });
    expect(dashboardAccessFrom([], { DASHBOARD: "1", DASHBOARD_PASSWORD: "pw" })).toEqual({ password: "pw", roomCalls: false });
    expect(dashboardAccessFrom(["--gui"], { DASHBOARD_PASSWORD: "" })).toEqual({ password: undefined, roomCalls: false });
  });

  it("opens the monitor's room calls only when asked for and behind a password", () => {
    expect(roomCallsOpen(dashboardAccessFrom(["--gui"], { DASHBOARD_ROOM_CALLS: "1", DASHBOARD_PASSWORD: "pw" })!)).toBe(true);
    expect(roomCallsOpen(dashboardAccessFrom(["--gui"], { DASHBOARD_ROOM_CALLS: "1" })!)).toBe(false);
    expect(roomCallsOpen(dashboardAccessFrom(["--gui"], { DASHBOARD_PASSWORD: "pw" })!)).toBe(false);
  });
});

describe("basicAuthPassword", () => {
  it("reads the password of a Basic header, colons and all", () => {
    expect(basicAuthPassword(`Basic ${Buffer.from("u:a:b").toString("base64")}`)).toBe("a:b");
    expect(basicAuthPassword("Bearer x")).toBeUndefined();
    expect(basicAuthPassword(`Basic ${Buffer.from("nocolon").toString("base64")}`)).toBeUndefined();
    expect(basicAuthPassword(undefined)).toBeUndefined();
  });
});

describe("guardPrivate without a password", () => {
  function ask(
    remoteAddress: string,
    headers: Record<string, string> = {},
    trustProxy = false,
  ): { passed: boolean; status: number | undefined } {
    let passed = false;
    let status: number | undefined;
    const res = {
      status(code: number) {
        status = code;
        return this;
      },
      type() {
        return this;
      },
      send() {
        return this;
      },
      set() {
        return this;
      },
    };
    const req = { socket: { remoteAddress }, headers };
    guardPrivate({ password: undefined, trustProxy })(
      req as unknown as Request,
      res as unknown as Response,
      (() => {
        passed = true;
      }) as NextFunction,
    );
    return { passed, status };
  }

  it("answers loopback peers only", () => {
    expect(ask("127.0.0.1")).toEqual({ passed: true, status: undefined });
    expect(ask("::1").passed).toBe(true);
    expect(ask("::ffff:127.0.0.1").passed).toBe(true);
    expect(ask("10.0.0.7")).toEqual({ passed: false, status: 403 });
  });

  it("does not believe loopback of a request a proxy passed on, or behind TRUST_PROXY", () => {
    for (const header of ["x-forwarded-for", "x-real-ip", "forwarded", "via", "x-forwarded-host", "x-forwarded-proto"]) {
      expect(ask("127.0.0.1", { [header]: "203.0.113.5" })).toEqual({ passed: false, status: 403 });
    }
    expect(ask("127.0.0.1", {}, true)).toEqual({ passed: false, status: 403 });
  });
});
