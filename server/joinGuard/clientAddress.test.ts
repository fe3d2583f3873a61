import type http from "node:http";
import { clientAddress } from "./guardMatchmaking";

/** The two parts of a request clientAddress reads: the socket's peer and the headers. */
function request(peer: string, headers: http.IncomingHttpHeaders = {}): http.IncomingMessage {
  return { socket: { remoteAddress: peer }, headers } as unknown as http.IncomingMessage;
}

test("without a trusted proxy the socket's peer is the address, whatever the headers claim", () => {
  expect(clientAddress(request("203.0.113.9", { "x-real-ip": "1.2.3.4", "x-forwarded-for": "5.6.7.8" }), false)).toBe("203.0.113.9");
});

test("behind a trusted proxy: X-Real-IP first, else the last X-Forwarded-For hop (the one the proxy appended)", () => {
  expect(clientAddress(request("127.0.0.1", { "x-real-ip": " 198.51.100.4 " }), true)).toBe("198.51.100.4");
  // A client can put anything in front; only the proxy's own hop is believed.
  expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "10.9.9.9, 198.51.100.5" }), true)).toBe("198.51.100.5");
  expect(clientAddress(request("127.0.0.1"), true)).toBe("127.0.0.1");
});
