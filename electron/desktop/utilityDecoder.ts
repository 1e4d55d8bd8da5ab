import { utilityProcess } from 'electron';
import type { LaunchDecoder } from '../core/photos/decoderProcess';
import type { WorkerReply } from '../core/photos/workerProtocol';

/**
 * The photo decoder in the desktop app: an Electron utility process, since the RunAsNode fuse
 * is off and the app's binary cannot be forked as Node. It gets a clean environment and no
 * console; the same time limit and crash handling apply (PhotoImporter).
 */
export const launchUtilityDecoder: LaunchDecoder = ({ script }) => {
  const child = utilityProcess.fork(script, [], { serviceName: 'Newsroom photo decoder', stdio: 'ignore', env: {} });
  const listeners = new Map<(reply: WorkerReply) => void, (message: unknown) => void>();
  return {
    send: (job) => child.postMessage(job),
    onReply: (listener) => {
      const wrapped = (message: unknown) => listener(message as WorkerReply);
      listeners.set(listener, wrapped);
      child.on('message', wrapped);
    },
    offReply: (listener) => {
      const wrapped = listeners.get(listener);
      if (wrapped) child.off('message', wrapped);
      listeners.delete(listener);
    },
    onExit: (listener) => child.once('exit', listener),
    offExit: (listener) => child.off('exit', listener),
    hold: () => undefined,
    kill: () => void child.kill(),
  };
};
