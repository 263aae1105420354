import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { AppState } from './lib/app-state.svelte';
import { resolveBridge } from './lib/bridge';
import { Clock } from './lib/clock.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');

const source = resolveBridge();
const app = source.kind === 'ready' ? new AppState(source.bridge, source.watchLink) : null;

mount(App, { target, props: { app, clock: new Clock() } });
