/**
 * The window's own failures reach main's log: uncaught errors and unhandled
 * rejections go through the validated `log` bridge call, at most a few a
 * minute, so a render loop that throws cannot flood main.
 */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { forwardWindowErrors } from '../../src-renderer/lib/window-errors';
import { BridgeRequests } from '../../src-shared/bridge';
import { fakeBridge } from './support/fake-bridge';
import { signedInView } from './support/fixtures';

function uncaught(message: string, error: unknown = new Error(message)) {
  window.dispatchEvent(
    new ErrorEvent('error', {
      message,
      error,
      filename: 'http://127.0.0.1:4000/#k=secret-bridge-key',
      lineno: 3,
      colno: 7,
    }),
  );
}

function rejected(reason: unknown) {
  const event = new Event('unhandledrejection') as Event & { reason: unknown };
  event.reason = reason;
  window.dispatchEvent(event);
}

describe('window errors forwarded to main', () => {
  it('sends uncaught errors and unhandled rejections through the log bridge call', async () => {
    const fake = fakeBridge(signedInView());
    const { unmount } = render(App, {
      props: { app: new AppState(fake.bridge), clock: new Clock() },
    });
    await screen.findByTestId('overall-state');

    uncaught('boom in a component');
    rejected(new TypeError('reply.items is undefined'));
    rejected('plain reason');

    const sent = fake.bridge.log.mock.calls.map(([payload]) => payload);
    expect(sent).toHaveLength(3);
    for (const payload of sent) {
      // Exactly what main validates: it refuses anything else.
      expect(BridgeRequests.log.safeParse(payload).success).toBe(true);
      expect(payload.level).toBe('error');
    }
    expect(sent[0]!.message).toContain('uncaught error: boom in a component');
    expect(sent[0]!.message).toContain('127.0.0.1:4000/:3:7');
    expect(sent[0]!.message).not.toContain('secret-bridge-key');
    expect(sent[1]!.message).toContain('unhandled rejection: TypeError: reply.items is undefined');
    expect(sent[2]!.message).toContain('unhandled rejection: plain reason');

    unmount();
    uncaught('after the window closed', null);
    expect(fake.bridge.log).toHaveBeenCalledTimes(3);
  });

  it('sends at most ten a minute, and says how many it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const stop = forwardWindowErrors(window, (_level, message) => lines.push(message), {
      now: () => now,
    });
    for (let i = 0; i < 500; i += 1) uncaught(`loop ${i}`);
    expect(lines).toHaveLength(10);
    now += 60_000;
    uncaught('a minute later');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toContain('a minute later');
    expect(lines[10]).toContain('490 more held back');
    // Long stacks are cut to what the bridge accepts.
    const long = new Error('long');
    long.stack = `Error: long\n${'    at deep (app.js:1:1)\n'.repeat(500)}`;
    uncaught('long', long);
    expect(lines[11]!.length).toBeLessThanOrEqual(2000);
    stop();
    uncaught('stopped', null);
    expect(lines).toHaveLength(12);
  });
});
