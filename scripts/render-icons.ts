/**
 * Renders the tray and app icons from the SVGs in resources/ into dist/icons:
 * each tray state for light and dark panels at 1× and 2×, plus macOS template
 * images (black on transparent, tinted by the system). Build output, not source.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TRAY_STATES = [
  'ok',
  'deploying',
  'failed',
  'offline',
  'signed-out',
  'paused',
] as const;

/** Colours per panel theme: dark glyphs on light panels and light glyphs on dark ones. */
const COLOURS: Record<'light' | 'dark', Record<(typeof TRAY_STATES)[number], string>> = {
  light: {
    ok: '#1b7f4b',
    deploying: '#1f5fd1',
    failed: '#c62828',
    offline: '#5f6368',
    'signed-out': '#5f6368',
    paused: '#8a5a00',
  },
  dark: {
    ok: '#5fd39a',
    deploying: '#8ab4ff',
    failed: '#ff8a80',
    offline: '#c4c7c5',
    'signed-out': '#c4c7c5',
    paused: '#ffd27a',
  },
};

const OUT = 'dist/icons';

function render(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  let count = 0;
  for (const state of TRAY_STATES) {
    const source = await readFile(join('resources', 'tray', `${state}.svg`), 'utf8');
    const variants: Array<[string, string]> = [
      [`tray-${state}-light`, COLOURS.light[state]],
      [`tray-${state}-dark`, COLOURS.dark[state]],
      [`tray-${state}Template`, '#000000'],
    ];
    for (const [name, colour] of variants) {
      const svg = source.replaceAll('currentColor', colour);
      await writeFile(join(OUT, `${name}.png`), render(svg, 16));
      await writeFile(join(OUT, `${name}@2x.png`), render(svg, 32));
      count += 2;
    }
  }
  const app = await readFile(join('resources', 'icon.svg'), 'utf8');
  for (const size of [32, 256, 512]) {
    await writeFile(join(OUT, size === 512 ? 'icon.png' : `icon-${size}.png`), render(app, size));
    count += 1;
  }
  console.log(`rendered ${count} icons into ${OUT}`);
}

await main();
