/**
 * Paths that must be spelled exactly. A proxy in front may match paths case-sensitively
 * (nginx) or not (Caddy's `path`), decode them or not, fold slashes or not; Express and
 * Colyseus's router each have their own idea too. A request whose path names one of these
 * routes only once it is decoded, lower-cased or has its slashes folded is refused with
 * 404 before any router sees it, so no two readers can disagree about what it names.
 */

/**
 * First path segments served only to the operator (dashboard, Colyseus's monitor, Prometheus), and matchmaking,
 * which has its own guard.
 */
const EXACT_SEGMENTS: ReadonlySet<string> = new Set(["dashboard", "colyseus", "metrics", "matchmake"]);

/** `path` percent-decoded, or as it is when it does not decode (a stray `%`). */
export function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The path part of a request target, without its query. */
export function pathOf(url: string | undefined): string {
  const target = url ?? "/";
  const query = target.indexOf("?");
  return query < 0 ? target : target.slice(0, query);
}

/** The first segment of `path` as the most lenient reader would see it: decoded, folded slashes, lower case. */
function lenientFirstSegment(path: string): string {
  return (
    decodedPath(path)
      .replace(/\/{2,}/g, "/")
      .split("/")[1]
      ?.toLowerCase() ?? ""
  );
}

/** True when `path` names a private or matchmaking route in any spelling but the exact one (`/DASHBOARD`, `//metrics`, `/%64ashboard`). */
export function isDisguisedExactPath(path: string): boolean {
  const segment = lenientFirstSegment(path);
  if (!EXACT_SEGMENTS.has(segment)) return false;
  return !(path === `/${segment}` || path.startsWith(`/${segment}/`));
}

/** True when `path` is Colyseus's matchmaking route, spelled exactly. */
export function isMatchmakingPath(path: string): boolean {
  return path.startsWith("/matchmake/");
}
