/** Without --gui (or DASHBOARD=1) the dashboard and the Colyseus monitor are not served at all. */
import { httpBaseOf, useGameServer } from "./support/gameServer";

const server = useGameServer();

test("without --gui the dashboard and the monitor are off", async () => {
  for (const path of ["/dashboard", "/dashboard/api/stats", "/colyseus/"]) {
    const response = await fetch(`${httpBaseOf(server())}${path}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/dashboard is off/);
  }
});
