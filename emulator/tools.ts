/**
 * The tools catalog (inferred: the overview names the endpoints, not the
 * tools) and the Tool body with its connection, which goes `connecting` →
 * `connected` after CONNECT_MS of emulator time.
 */
import { iso } from './clock';
import type { Plan, ToolConnectionRecord } from './model';

/** How long a tool stays `connecting`, in emulator ms. */
export const CONNECT_MS = 2000;

/** A catalog entry: the Tool body without its connection. */
export interface ToolSpec {
  id: string;
  name: string;
  description: string;
  category: string;
  min_plan: Plan;
}

/** The catalog, lowest plan first. */
export const TOOLS: readonly ToolSpec[] = [
  {
    id: 'uptime-kuma',
    name: 'Uptime Kuma',
    description: 'Watches your services and tells you when one goes down.',
    category: 'monitoring',
    min_plan: 'free',
  },
  {
    id: 'tailscale',
    name: 'Tailscale',
    description: 'Reach your homelab from anywhere over a private network.',
    category: 'networking',
    min_plan: 'free',
  },
  {
    id: 'grafana',
    name: 'Grafana',
    description: 'Dashboards for the metrics your homelab collects.',
    category: 'monitoring',
    min_plan: 'hobby',
  },
  {
    id: 'vaultwarden',
    name: 'Vaultwarden',
    description: 'A self-hosted password manager.',
    category: 'security',
    min_plan: 'hobby',
  },
  {
    id: 'restic-backup',
    name: 'Restic Backup',
    description: 'Encrypted off-site backups of your volumes.',
    category: 'backup',
    min_plan: 'pro',
  },
  {
    id: 'authentik',
    name: 'authentik',
    description: 'Single sign-on for everything in the rack.',
    category: 'security',
    min_plan: 'team',
  },
];

/** The contract's Tool body for `spec` with the account's connection, if any. */
export function viewTool(
  spec: ToolSpec,
  conn: ToolConnectionRecord | undefined,
  now: number,
): unknown {
  const connected = conn !== undefined && now >= conn.started_at + CONNECT_MS;
  return {
    ...spec,
    connection: conn
      ? {
          homelab_id: conn.homelab_id,
          status: connected ? 'connected' : 'connecting',
          connected_at: connected ? iso(conn.started_at + CONNECT_MS) : null,
        }
      : null,
  };
}
