import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded desk database's folder is open in another process (its message names which). */
export class EmbeddedInUseError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock, or says which running process holds it; a lock left by a dead process is taken over. */
export function lock(dir: string): () => void {
  const file = join(dir, 'newsroom-desk.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new EmbeddedInUseError(
          `The embedded desk database in ${dir} is open in another process (${holder}); stop that one first.`,
        );
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedInUseError(`The embedded desk database in ${dir} could not be locked.`);
}
