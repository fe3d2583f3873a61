/**
 * The soak run's server process: the load benchmark's server (the real game server on a
 * loopback port, `PORT <n>` on stdout) with two soak-only metrics added to its /metrics:
 * the lines it writes to stderr and its heap right after each major collection.
 */
import "./stderrCounter";
import "./heapAfterGc";
import "../load/benchServer";
