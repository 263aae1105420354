import { describe, expect, it } from 'vitest';
import { KOMBIFY_LINKS } from '../../src-shared/bridge';
import { openKombifyLink } from '../../src-main/host/links';

describe('openKombifyLink()', () => {
  it('opens an https page on a kombify host for every link the window may ask for', async () => {
    const opened: string[] = [];
    for (const link of KOMBIFY_LINKS) {
      await openKombifyLink(link, { openExternal: async (url) => void opened.push(url) });
    }
    expect(opened).toHaveLength(KOMBIFY_LINKS.length);
    for (const url of opened) {
      const parsed = new URL(url);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.hostname === 'kombify.io' || parsed.hostname.endsWith('.kombify.io')).toBe(
        true,
      );
    }
  });

  it('refuses a name it does not know', () => {
    expect(() =>
      openKombifyLink('elsewhere' as never, { openExternal: async () => undefined }),
    ).toThrow(/unknown link/);
  });
});
