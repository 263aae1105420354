/**
 * Debian's Chromium, as every browser test here launches it: Playwright
 * cannot download its own browser on our machines, and without these flags
 * Chromium keeps dialling Google's hosts on a closed network.
 */
export const CHROMIUM_PATH = process.env.KOMBIFY_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
