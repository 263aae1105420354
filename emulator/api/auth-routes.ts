/** `/v1/auth/*`: password login, refresh rotation and logout. */
import type { Route } from './context';
import { who } from './context';

/** Routes for password sessions. */
export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/auth/login',
    auth: false,
    async handle(ctx) {
      const body = await ctx.body();
      return { status: 200, body: ctx.auth.login(body.email, body.password) };
    },
  },
  {
    method: 'POST',
    path: '/v1/auth/refresh',
    auth: false,
    async handle(ctx) {
      const body = await ctx.body();
      return { status: 200, body: ctx.auth.refresh(body.refresh_token) };
    },
  },
  {
    method: 'POST',
    path: '/v1/auth/logout',
    auth: true,
    async handle(ctx) {
      await ctx.auth.logout(who(ctx));
      return { status: 204 };
    },
  },
];
