/**
 * Both hosts' sign-in openers, through the BrowserOpener port: they open the
 * configured issuer's own pages and nothing else, whatever the URL looks like.
 */
import { describe, expect, it } from 'vitest';
import { signInBrowser } from '../../src-main/electron/sign-in-browser';
import { issuerPageOpener } from '../../src-main/host/sign-in-opener';

const ISSUER = 'https://login.kombify.io';
const EMULATOR = 'http://127.0.0.1:8787';

/** The Electron host's opener and the browser host's, each over a recording "system browser". */
function openers() {
  const opened: string[] = [];
  const record = async (url: string) => void opened.push(url);
  return {
    opened,
    all: [
      ['electron', signInBrowser({ openExternal: record })],
      ['browser host', issuerPageOpener(record)],
    ] as const,
  };
}

describe('the sign-in openers of both hosts', () => {
  it("open the issuer's own pages: https, and http only for an issuer on this machine", async () => {
    const { opened, all } = openers();
    for (const [, browser] of all) {
      await browser.open(`${ISSUER}/auth?client_id=kombify-tray&state=s`, ISSUER);
      await browser.open(`${EMULATOR}/auth?state=s`, EMULATOR);
    }
    expect(opened).toHaveLength(4);
  });

  it('refuse any other site, port or scheme, and anything a shell could run', async () => {
    const { opened, all } = openers();
    const foreign: [string, string][] = [
      ['https://evil.example/auth?state=s', ISSUER],
      ['https://login.kombify.io.evil.example/auth', ISSUER],
      ['https://login.kombify.io:8443/auth', ISSUER],
      ['https://someone@login.kombify.io/auth', ISSUER],
      ['http://login.kombify.io/auth', ISSUER],
      ['http://127.0.0.1:8787/auth', ISSUER],
      ['http://127.0.0.1:9999/auth', EMULATOR],
      ['http://evil.example/auth', 'http://evil.example'],
      ['file:///etc/passwd', ISSUER],
      ['smb://host/share', ISSUER],
      ['x', ISSUER],
      [`${ISSUER}/auth`, 'not an issuer'],
    ];
    for (const [name, browser] of all) {
      for (const [url, issuer] of foreign) {
        await expect(browser.open(url, issuer), `${name}: ${url}`).rejects.toThrow(/refusing/);
      }
    }
    expect(opened).toEqual([]);
  });
});
