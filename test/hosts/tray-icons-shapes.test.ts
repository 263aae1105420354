import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STATES = ['ok', 'deploying', 'failed', 'offline', 'signed-out', 'paused'];

/** The icon as a 32×32 mask of covered pixels, colour thrown away. */
function mask(state: string): boolean[] {
  const svg = readFileSync(`resources/tray/${state}.svg`, 'utf8').replaceAll(
    'currentColor',
    '#000',
  );
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 32 } }).render();
  const pixels = image.pixels;
  const covered: boolean[] = [];
  for (let i = 3; i < pixels.length; i += 4) covered.push(pixels[i]! > 127);
  return covered;
}

describe('tray icons', () => {
  it('are told apart by shape alone: every pair differs in many pixels', () => {
    const masks = new Map(STATES.map((state) => [state, mask(state)]));
    for (const a of STATES) {
      expect(masks.get(a)!.filter(Boolean).length, `${a} draws something`).toBeGreaterThan(60);
      for (const b of STATES) {
        if (a >= b) continue;
        const differing = masks.get(a)!.filter((pixel, i) => pixel !== masks.get(b)![i]).length;
        expect(differing, `${a} vs ${b}`).toBeGreaterThan(100);
      }
    }
  });
});
