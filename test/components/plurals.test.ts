/** Counts read naturally in both languages: one stack, not "all 1 stacks". */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { de } from '../../src-renderer/lib/messages/de';
import { en } from '../../src-renderer/lib/messages/en';
import { fakeBridge } from './support/fake-bridge';
import { NOW, signedInView, user } from './support/fixtures';

describe('counted words', () => {
  it('speaks of one stack or tool slot in the singular, in English', () => {
    expect(en.deploy.quotaFull(1)).toBe("Your plan's only stack is in use.");
    expect(en.deploy.quotaFull(3)).toBe('All 3 stacks of your plan are in use.');
    expect(en.deploy.quotaFull(0)).toBe('Your plan includes no stacks.');
    expect(en.tools.quotaFull(1)).toBe("Your plan's only tool slot is in use.");
    expect(en.tools.quotaFull(5)).toBe('All 5 tool slots of your plan are in use.');
    expect(en.tools.quotaFull(0)).toBe('Your plan includes no tools.');
    expect(en.subscription.requests(1)).toBe('1 request per minute');
    expect(en.subscription.requests(100)).toBe('100 requests per minute');
  });

  it('speaks of one stack or tool slot in the singular, in German', () => {
    expect(de.deploy.quotaFull(1)).toBe('Der einzige Stack deines Tarifs ist belegt.');
    expect(de.deploy.quotaFull(3)).toBe('Alle 3 Stacks deines Tarifs sind belegt.');
    expect(de.deploy.quotaFull(0)).toBe('Dein Tarif enthält keine Stacks.');
    expect(de.tools.quotaFull(1)).toBe('Der einzige Tool-Platz deines Tarifs ist belegt.');
    expect(de.tools.quotaFull(5)).toBe('Alle 5 Tool-Plätze deines Tarifs sind belegt.');
    expect(de.tools.quotaFull(0)).toBe('Dein Tarif enthält keine Tools.');
    expect(de.subscription.requests(1)).toBe('1 Anfrage pro Minute');
    expect(de.subscription.requests(100)).toBe('100 Anfragen pro Minute');
  });

  it('says why the deploy button is off when the only stack is taken', async () => {
    const full = user({ quota: { stacks: { used: 1, limit: 1 }, tools: { used: 0, limit: 5 } } });
    const fake = fakeBridge(signedInView({}, { user: full }));
    const app = new AppState(fake.bridge);
    await app.load();
    render(Dashboard, { props: { app, now: NOW } });
    expect(screen.getByTestId('deploy-reason')).toHaveTextContent(
      "Your plan's only stack is in use.",
    );
  });
});
