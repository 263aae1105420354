import { describe, expect, it } from 'vitest';
import { isSignInPageUrl, signInBrowser } from '../../src-main/electron/sign-in-browser';

describe('signInBrowser()', () => {
  it('opens https sign-in pages, and http only on this machine', async () => {
    const opened: string[] = [];
    const browser = signInBrowser({ openExternal: async (url) => void opened.push(url) });
    await browser.open('https://login.kombify.io/auth?client_id=tray&state=s');
    await browser.open('http://127.0.0.1:8787/auth?state=s');
    expect(opened).toHaveLength(2);
  });

  it('refuses anything a shell could run or that leaves the web', async () => {
    const opened: string[] = [];
    const browser = signInBrowser({ openExternal: async (url) => void opened.push(url) });
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'http://evil.example/', 'x']) {
      expect(isSignInPageUrl(url)).toBe(false);
      await expect(browser.open(url)).rejects.toThrow(/refusing/);
    }
    expect(opened).toEqual([]);
  });
});
