import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interfaceNetworkStatus } from '../../src-main/node/network-interfaces';
import { FakeBeats } from './fake-beats';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const loopbackOnly: Interfaces = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
};

function withWifi(address: string): Interfaces {
  return {
    ...loopbackOnly,
    wlan0: [
      {
        address,
        netmask: '255.255.255.0',
        family: 'IPv4',
        mac: '02:00:00:00:00:01',
        internal: false,
        cidr: `${address}/24`,
      },
    ],
  };
}

describe('interfaceNetworkStatus()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the network is back when an outside address appears or changes, on beats only', () => {
    vi.useFakeTimers();
    let now: Interfaces = withWifi('192.0.2.10');
    const beats = new FakeBeats();
    const back = vi.fn();
    const off = interfaceNetworkStatus(beats, () => now).onOnline(back);
    expect(vi.getTimerCount()).toBe(0);

    beats.beat();
    expect(back).not.toHaveBeenCalled();
    now = loopbackOnly; // the cable is pulled: nothing to say yet
    beats.beat();
    beats.beat();
    expect(back).not.toHaveBeenCalled();
    now = withWifi('192.0.2.10'); // back
    beats.beat();
    expect(back).toHaveBeenCalledTimes(1);
    now = withWifi('198.51.100.7'); // another network, straight away
    beats.beat();
    expect(back).toHaveBeenCalledTimes(2);
    beats.beat();
    expect(back).toHaveBeenCalledTimes(2);

    off();
    now = loopbackOnly;
    beats.beat();
    now = withWifi('192.0.2.10');
    beats.beat();
    expect(back).toHaveBeenCalledTimes(2);
  });

  it('keeps quiet when the interfaces cannot be read', () => {
    const beats = new FakeBeats();
    const back = vi.fn();
    let fail = false;
    interfaceNetworkStatus(beats, () => {
      if (fail) throw new Error('EPERM');
      return withWifi('192.0.2.10');
    }).onOnline(back);
    fail = true;
    beats.beat();
    fail = false;
    beats.beat();
    expect(back).not.toHaveBeenCalled();
  });
});
