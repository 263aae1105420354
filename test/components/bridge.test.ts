import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { resolveBridge } from '../../src-renderer/lib/bridge';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { BRIDGE_KEY_STORAGE, takeBridgeKey } from '../../src-renderer/lib/bridge-key';
import { fakeBridge } from './support/fake-bridge';
import { signedOutView } from './support/fixtures';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete (window as Window & { kombify?: unknown }).kombify;
});

describe('takeBridgeKey()', () => {
  it('takes the key from the hash, keeps it for a reload and clears the address bar', () => {
    window.history.replaceState(null, '', '/?x=1#k=s3cret');

    expect(takeBridgeKey(window)).toBe('s3cret');
    expect(sessionStorage.getItem(BRIDGE_KEY_STORAGE)).toBe('s3cret');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
  });

  it('keeps other hash parameters', () => {
    window.history.replaceState(null, '', '/#k=s3cret&view=deployments');
    takeBridgeKey(window);
    expect(window.location.hash).toBe('#view=deployments');
  });

  it('uses the stored key after a reload', () => {
    sessionStorage.setItem(BRIDGE_KEY_STORAGE, 'kept');
    expect(takeBridgeKey(window)).toBe('kept');
  });

  it('has no key when neither the hash nor the storage holds one', () => {
    expect(takeBridgeKey(window)).toBeNull();
  });
});

describe('resolveBridge()', () => {
  it('prefers the bridge from the Electron preload', () => {
    const preload = fakeBridge(signedOutView()).bridge;
    (window as Window & { kombify?: unknown }).kombify = preload;
    window.history.replaceState(null, '', '/#k=ignored');

    expect(resolveBridge(window)).toEqual({ kind: 'ready', bridge: preload });
    expect(window.location.hash).toBe('#k=ignored');
  });

  it('builds the loopback client when a key is present', () => {
    window.history.replaceState(null, '', '/#k=abc');
    const source = resolveBridge(window);
    expect(source.kind).toBe('ready');
    expect(source.kind === 'ready' && typeof source.bridge.getState).toBe('function');
  });

  it('reports a missing key', () => {
    expect(resolveBridge(window)).toEqual({ kind: 'missing-key' });
  });
});

describe('window without a bridge', () => {
  it('tells the person to open the address printed by npm start', () => {
    render(App, { props: { app: null, clock: new Clock() } });
    const notice = screen.getByTestId('bridge-key-missing');
    expect(notice).toHaveTextContent('npm start');
    expect(notice).toHaveTextContent('#k=');
  });
});
