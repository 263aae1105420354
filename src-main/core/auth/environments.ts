/** The kombify Clouds a person can choose in Settings, as environments the core runs against. */
import type { Settings } from '../../../src-shared/bridge';

/** Which kombify Cloud this app talks to; part of the keychain account. */
export interface Environment {
  name: string;
  apiUrl: string;
}

export const PRODUCTION_API = 'https://api.kombify.io/v1';
export const STAGING_API = 'https://api.staging.kombify.io/v1';

/** The environment for a Settings endpoint; the custom URL is used as the API base. */
export function environmentFor(endpoint: Settings['endpoint']): Environment {
  if (endpoint.kind === 'production') return { name: 'production', apiUrl: PRODUCTION_API };
  if (endpoint.kind === 'staging') return { name: 'staging', apiUrl: STAGING_API };
  return { name: 'custom', apiUrl: endpoint.url.replace(/\/+$/, '') };
}
