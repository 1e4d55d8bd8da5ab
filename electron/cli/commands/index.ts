import type { CliCommand } from '../command';
import { archiveCommands } from './archive';
import { deskCommands, laptopDeskCommands } from './desk';
import { articleCommands } from './article';
import { exportCommands } from './export';
import { historyCommands } from './history';
import { peopleCommands } from './people';
import { photosCommands } from './photos';
import { searchCommands } from './search';
import { serveCommands } from './serve';

/** Every command, in the order the usage lists them; one domain file each. */
export const commands: readonly CliCommand[] = [
  ...serveCommands,
  ...articleCommands,
  ...searchCommands,
  ...exportCommands,
  ...historyCommands,
  ...photosCommands,
  ...peopleCommands,
  ...archiveCommands,
  ...laptopDeskCommands,
  ...deskCommands,
];

const names = commands.map((command) => command.name.join(' '));
const twice = names.find((name, index) => names.indexOf(name) !== index);
if (twice) throw new Error(`Two CLI commands are called "${twice}".`);
