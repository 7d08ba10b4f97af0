import { describe, expect, expectTypeOf, it } from 'vitest';
import { TILL_METHODS } from '../../shared/contract/till-api';
import {
  bridgeKey as rendererBridgeKey,
  type TillBridge,
} from '../../renderer/src/api/till-bridge';
import { buildTillBridge, type TillInvoke } from './preload-api';

function setup() {
  const invocations: unknown[][] = [];
  const invoke: TillInvoke = (...args) => {
    invocations.push(args);
    return Promise.resolve({ ok: true, value: `answer for ${args[0]}` });
  };
  return { api: buildTillBridge(invoke), invocations };
}

describe('buildTillBridge', () => {
  it('has the exact shape the renderer declares for window.till', () => {
    expectTypeOf(buildTillBridge).returns.toEqualTypeOf<TillBridge>();
  });

  it('exposes one function per contract method under the key the renderer looks up, and nothing else', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(TILL_METHODS.map((m) => rendererBridgeKey(m)).sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    // In particular no generic door such as invoke/send/ipcRenderer.
    expect(Object.keys(api).every((key) => !/invoke|send|ipc/i.test(key))).toBe(true);
  });

  it.each(TILL_METHODS)(
    '%s invokes its own channel with exactly the one input given',
    async (method) => {
      const { api, invocations } = setup();
      const fn = (api as Record<string, (...args: unknown[]) => Promise<unknown>>)[
        rendererBridgeKey(method)
      ];
      const input = { marker: method };
      // A page passing extra arguments must not get them across.
      await expect(fn?.(input, 'extra', { channel: 'till:anything' })).resolves.toEqual({
        ok: true,
        value: `answer for till:${method}`,
      });
      expect(invocations).toEqual([[`till:${method}`, input]]);
    },
  );

  it('cannot be changed by the code it is handed to', () => {
    const { api } = setup();
    expect(Object.isFrozen(api)).toBe(true);
  });
});
