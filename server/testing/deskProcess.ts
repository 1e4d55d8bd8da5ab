/**
 * A desk server process for the kill tests, run with tsx: `deskProcess.ts DATABASE_URL`.
 * It prints the desk's address on one line, then serves until it is killed.
 */
import { startDesk } from '../startDesk';

const database = process.argv[2];
if (!database) throw new Error('usage: deskProcess.ts DATABASE_URL');
const desk = await startDesk({ database, port: 0 });
process.stdout.write(`${desk.url}\n`);
process.on('SIGTERM', () => process.exit(0));
