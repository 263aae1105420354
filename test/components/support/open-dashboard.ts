/** Renders the signed-in window's screens on a fake bridge, opened on one screen. */
import { render } from '@testing-library/svelte';
import Dashboard from '../../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../../src-renderer/lib/app-state.svelte';
import type { AppView } from '../../../src-shared/bridge';
import { fakeBridge } from './fake-bridge';
import { NOW } from './fixtures';

export async function openDashboard(view: AppView, screenName: AppState['screen'] = 'overview') {
  const fake = fakeBridge(view);
  const app = new AppState(fake.bridge);
  app.start();
  await app.load();
  app.navigate({ screen: screenName });
  const result = render(Dashboard, { props: { app, now: NOW } });
  return { fake, app, ...result };
}
