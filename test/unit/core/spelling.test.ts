/**
 * English words a person reads follow the API's US spelling: it says
 * `canceled`, so the app never mixes in "cancelled".
 */
import { describe, expect, it } from 'vitest';
import { accountEvents } from '../../../src-main/core/account-changes';
import { signInCancelled } from '../../../src-main/core/auth/sign-in-errors';
import { countWords } from '../../../src-main/core/notification-rules';
import { snapshot, subscription } from './fixtures';

describe('English spelling of "canceled"', () => {
  it('is used by the sign-in that the person canceled', () => {
    expect(signInCancelled().bridgeError.message).toBe('The sign-in was canceled.');
  });

  it('is used by the notification about a canceled subscription', () => {
    const before = snapshot([]);
    const after = { ...before, subscription: { ...subscription, cancel_at_period_end: true } };
    const [event] = accountEvents(before, after);
    expect(event?.kind).toBe('subscription-canceled');
    expect(`${event?.title} ${event?.body}`).not.toMatch(/cancelled/i);
    expect(event?.title).toBe('Subscription canceled');
  });

  it('is used by the summary that counts canceled subscriptions', () => {
    const [event] = accountEvents(snapshot([]), {
      ...snapshot([]),
      subscription: { ...subscription, cancel_at_period_end: true },
    });
    expect(countWords(event ? [event] : [])).toBe('1 subscription canceled');
    expect(countWords(event ? [event, { ...event, key: 'second' }] : [])).toBe(
      '2 subscriptions canceled',
    );
  });
});
