/** The pages the loopback listener shows after a browser sign-in, in the language in use. */
import { describe, expect, it } from 'vitest';
import { returnPage } from '../../../src-main/core/auth/return-page';
import { wordsFor } from '../../../src-main/core/i18n';

describe('returnPage', () => {
  it('is English by default', () => {
    const page = returnPage('done');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>You are signed in</h1>');
  });

  it('is German, with lang="de", for German words', () => {
    const german = wordsFor('de');
    const done = returnPage('done', german);
    expect(done).toContain('<html lang="de">');
    expect(done).toContain('<title>Du bist angemeldet · kombify Tray</title>');
    expect(done).toContain(
      '<p>Du kannst diesen Tab schließen und zu kombify Tray zurückkehren.</p>',
    );
    expect(returnPage('mismatch', german)).toContain('<h1>Anmeldung gestoppt</h1>');
    expect(returnPage('missing', german)).toContain('<h1>Nicht gefunden</h1>');
  });
});
