/** The player's name and color, remembered in localStorage between visits. */

const NAME_KEY = "netroids.name";
const COLOR_KEY = "netroids.color";

export interface Profile {
  name: string;
  /** Undefined until the player picks one: the server then gives a color nobody in the room has. */
  color: string | undefined;
}

function read(key: string): string | undefined {
  try {
    return window.localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // storage disabled (private mode, sandboxed frame)
  }
}

export function loadProfile(): Profile {
  return { name: read(NAME_KEY) ?? "", color: read(COLOR_KEY) };
}

export function saveProfile(profile: Profile): void {
  try {
    window.localStorage.setItem(NAME_KEY, profile.name);
    if (profile.color !== undefined) window.localStorage.setItem(COLOR_KEY, profile.color);
  } catch {
    // Not remembered; the game works the same.
  }
}
