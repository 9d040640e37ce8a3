/**
 * Map fields (`attributes`) are plain objects keyed by client input. Plain assignment of the key
 * "__proto__" to `{}` sets the object's prototype instead of adding an entry (for a string value
 * it does nothing at all), so the key would silently vanish from the stored record. Entries are
 * therefore always defined as own properties.
 */
export function setEntry<V>(map: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    map[key] = value;
  }
}
