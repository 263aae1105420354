#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throw-away
# gnome-keyring, so tests use a real Secret Service without touching yours.
# Usage: scripts/with-keyring.sh <command> [args...]
set -u

if [ -n "${KOMBIFY_KEYRING_READY:-}" ]; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. On Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-tools" >&2
    exit 127
  fi
done

if [ -z "${KOMBIFY_IN_DBUS:-}" ]; then
  export KOMBIFY_IN_DBUS=1
  exec dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d /tmp/kombify-keyring.XXXXXX)
mkdir -p "$tmp/data" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/runtime"

daemon_pid=$(printf 'kombify-test-keyring' | gnome-keyring-daemon --unlock --components=secrets --daemonize 2>/dev/null \
  | sed -n 's/^GNOME_KEYRING_PID=//p')

cleanup() {
  [ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Wait until the Secret Service owns its bus name.
for _ in $(seq 1 50); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done

export KOMBIFY_KEYRING_READY=1
"$@"
status=$?
exit "$status"
