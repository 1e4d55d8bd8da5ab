import { fork } from 'node:child_process';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/**
 * One child process that decodes photos: the small surface PhotoImporter needs, so the same
 * time limit and crash handling run over a Node child process (the browser edition, the CLI,
 * the tests) or Electron's utility process (the desktop app, where the RunAsNode fuse is off
 * and process.execPath cannot be forked as Node).
 */
export interface DecoderProcess {
  send: (job: WorkerJob) => void;
  onReply: (listener: (reply: WorkerReply) => void) => void;
  offReply: (listener: (reply: WorkerReply) => void) => void;
  /** Once, when the process ends for any reason. */
  onExit: (listener: () => void) => void;
  offExit: (listener: () => void) => void;
  /** While a job runs the process keeps the parent alive; idle, it does not. */
  hold: (busy: boolean) => void;
  kill: () => void;
}

export interface DecoderScript {
  script: string;
  execArgv: string[];
}

export type LaunchDecoder = (decoder: DecoderScript) => DecoderProcess;

/** The decoder as a Node child process (fork). */
export const launchNodeDecoder: LaunchDecoder = ({ script, execArgv }) => {
  const child = fork(script, [], { execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  const hold = (busy: boolean) => {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  hold(false);
  return {
    send: (job) => child.send(job),
    onReply: (listener) => child.on('message', listener),
    offReply: (listener) => child.off('message', listener),
    onExit: (listener) => child.once('exit', listener),
    offExit: (listener) => child.off('exit', listener),
    hold,
    kill: () => child.kill('SIGKILL'),
  };
};
