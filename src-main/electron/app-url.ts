/**
 * The window is served from `app://kombify/`, a privileged scheme of our own,
 * instead of file:// (Electron's security checklist: file:// pages get more
 * rights than a web page should). This maps such URLs to files, refusing
 * anything outside the renderer folder.
 */
import { join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kombify';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The file behind an app:// URL, or null when the URL is not ours or climbs out. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

/** True only for our own page: app://kombify/index.html (query and fragment ignored). */
export function isAppEntryUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}` === APP_ENTRY;
  } catch {
    return false;
  }
}
