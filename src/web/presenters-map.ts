/**
 * Links a phone acts on: a place opens in the phone's map app (a geo: URI,
 * RFC 5870, with the Android/iOS `q=` query for the pin's label), a phone
 * number opens the dialler (tel:, RFC 3966).
 */

/** What a map link needs of a venue (or a meeting's free-text place); coordinates are optional. */
export interface MapPlace {
  latitude?: number | null;
  longitude?: number | null;
  address: string;
  name: string;
}

/** encodeURIComponent leaves brackets alone; in a label a ')' would end it early. */
const encode = (text: string) => encodeURIComponent(text).replace(/\(/g, '%28').replace(/\)/g, '%29');

const isCoordinate = (x: number | null | undefined, limit: number): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= limit;

/**
 * `geo:59.76,30.36?q=59.76,30.36(ExpoForum)` with coordinates (the pin and its
 * name), else `geo:0,0?q=<address>` for the map app to search; null when there
 * is nothing to find (no coordinates, no address, no name).
 */
export function mapLinkOf(place: MapPlace): string | null {
  const name = place.name.trim();
  if (isCoordinate(place.latitude, 90) && isCoordinate(place.longitude, 180)) {
    const at = `${place.latitude},${place.longitude}`;
    return `geo:${at}?q=${at}${name ? `(${encode(name)})` : ''}`;
  }
  const query = place.address.trim() || name;
  return query ? `geo:0,0?q=${encode(query)}` : null;
}

/** `+994 12 000 00 01` -> `tel:+994120000001`; null for a text with no digits to dial. */
export function telLinkOf(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 15) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
