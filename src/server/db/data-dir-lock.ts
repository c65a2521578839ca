import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite allows one process per data directory. The server (and each CLI command) takes this
 * lock file; a second process is told clearly who holds the database instead of corrupting it.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(
      `De databank in ${dataDir} is in gebruik door proces ${pid} (draait de server?). Stop de ` +
        `server of gebruik DATABASE_URL.\n` +
        `The database in ${dataDir} is held by process ${pid} (is the server running?). Stop the ` +
        `server or use DATABASE_URL.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'speerpunt.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid))
        throw new DataDirBusyError(pid, dataDir);
      fs.unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
