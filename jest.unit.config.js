/**
 * `npm run test:unit`: the tests beside the code (shared/, client/, server/, web/src/, loadtest/,
 * bench/), without test/'s room, browser, Redis and proxy suites. It needs no program outside
 * npm: the requirement check in globalSetup looks at these roots only.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS configs; this one extends the full run's.
const full = require("./jest.config.js");

module.exports = { ...full, roots: full.roots.filter((root) => root !== "<rootDir>/test") };
