/** Turning times into words the window shows, in the locale of the messages. */
import { locale, t } from './i18n';

/** Milliseconds since `iso`, or null when it is missing or not a date. */
export function ageMs(iso: string | null | undefined, now: number): number | null {
  if (!iso) return null;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  // A clock a little behind the server's must not print negative ages.
  return Math.max(0, now - then);
}

/** Younger than this reads as "just now": "0 s ago" is no age a person says. */
const JUST_NOW_MS = 10_000;

/**
 * How long ago `iso` was, as a phrase ("3 min ago", "vor 3 Tagen", "just now"), or
 * null without a usable time. Hours run up to two days, so "1 day" never stands for 47 h.
 */
export function formatAge(iso: string | null | undefined, now: number): string | null {
  const ms = ageMs(iso, now);
  if (ms === null) return null;
  if (ms < JUST_NOW_MS) return t.time.justNow;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return t.time.secondsAgo(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t.time.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.time.hoursAgo(hours);
  return t.time.daysAgo(Math.floor(hours / 24));
}

/** Intl formatters per locale, made once each: building one is slow. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  const known = formatters.get(`${locale}:${key}`);
  if (known) return known as F;
  const made = make();
  formatters.set(`${locale}:${key}`, made);
  return made;
}

const percentFormat = () =>
  cached(
    'percent',
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  );
const timeFormat = () =>
  cached('time', () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }));
const dateTimeFormat = () =>
  cached(
    'date-time',
    () =>
      new Intl.DateTimeFormat(locale, {
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }),
  );
const dateFormat = () =>
  cached('date', () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }));

/** "45 %" or "45%", as the locale writes it; `value` runs from 0 to 100. */
export function formatPercent(value: number): string {
  return percentFormat().format(value / 100);
}

/** A calendar date such as "3 December 2026", or null when missing or not a date. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateFormat().format(date);
}

/** A wall-clock time; the date is added when it is not today. */
export function formatTime(iso: string | null | undefined, now: number): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const sameDay = date.toDateString() === new Date(now).toDateString();
  return (sameDay ? timeFormat() : dateTimeFormat()).format(date);
}

/**
 * A 24-hour time as settings keep it ("07:30") from what a person typed: "7:30",
 * "07:30" or "7.30"; null when it is no time of day.
 */
export function clockTime(raw: string): string | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(raw);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The host of an address ("login.kombify.io", "127.0.0.1:4010"); null when there is none. */
export function hostOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    return new URL(raw).host || null;
  } catch {
    return null;
  }
}

/**
 * An address short enough for one line: its host and path, with "?…" for a
 * query left out ("login.kombify.io/auth?…"). The link itself keeps all of it.
 */
export function shortUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.host}${path}${url.search || url.hash ? '?…' : ''}`;
  } catch {
    return raw.length > 48 ? `${raw.slice(0, 47)}…` : raw;
  }
}
