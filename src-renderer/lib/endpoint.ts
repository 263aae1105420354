/**
 * The custom endpoint rule, checked in the window for a quick answer. Main
 * checks again with the shared schema (CustomEndpointUrl); this copy avoids
 * shipping zod to the window and must say the same.
 */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** True for https, or http on this machine, without credentials, query or fragment. */
export function isValidCustomEndpoint(raw: string): boolean {
  const text = raw.trim();
  if (!text || text.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not a URL at all: simply invalid.
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
}
