import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { closeCoreOnQuit } from '../../electron/shutdown';

vi.mock('electron', () => ({}));

function fakeApp() {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const willQuit = () => {
    const preventDefault = vi.fn();
    app.emit('will-quit', { preventDefault });
    return preventDefault;
  };
  return { app, willQuit };
}

describe('closing the core before quitting', () => {
  it('still quits when closing fails, and says so', async () => {
    const { app, willQuit } = fakeApp();
    const log = vi.fn();
    closeCoreOnQuit(app as never, () => Promise.reject(new Error('EIO')), log);
    expect(willQuit()).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'EIO' }));
    expect(willQuit()).not.toHaveBeenCalled();
  });

  it('does not wait forever for a store that never closes', async () => {
    const { app, willQuit } = fakeApp();
    const log = vi.fn();
    closeCoreOnQuit(app as never, () => new Promise<void>(() => undefined), log, 20);
    willQuit();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(log).toHaveBeenCalledOnce();
  });
});
