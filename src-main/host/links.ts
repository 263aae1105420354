/**
 * The kombify pages the app opens, by name. The window asks for a name, never
 * a URL, so no page can make the app open anything else; every URL is a
 * literal at its call, which also lets Electronegativity see it is constant.
 */
import type { KombifyLink } from '../../src-shared/bridge';

/** Something that opens a URL in the person's browser (Electron's `shell`, or a stand-in). */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

export function openKombifyLink(link: KombifyLink, opener: ExternalOpener): Promise<void> {
  switch (link) {
    case 'pricing':
      return opener.openExternal('https://kombify.io/pricing');
    case 'billing':
      return opener.openExternal('https://app.kombify.io/billing');
    case 'docs':
      return opener.openExternal('https://docs.kombify.io/tray');
    case 'dashboard':
      return opener.openExternal('https://app.kombify.io/');
    case 'status':
      return opener.openExternal('https://status.kombify.io/');
    case 'help':
      return opener.openExternal('https://docs.kombify.io/tray/troubleshooting');
    default:
      return assertNever(link);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown link: ${String(value)}`);
}
