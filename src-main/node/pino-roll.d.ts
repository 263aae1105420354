/** The part of pino-roll (which ships no types) that the logger uses. */
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';

  interface RollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    sync?: boolean;
    mode?: number;
  }

  export default function roll(options: RollOptions): Promise<SonicBoom & { file: string }>;
}
