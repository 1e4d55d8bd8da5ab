import type { CliCommand } from '../command';
import { personKey } from '../../../shared/people/person';

import { call } from './context';
import type { CommandContext } from './context';

/** The contributor registry; with a name, sets how credit lines write it (--display) and the unit. */
export async function people(
  context: CommandContext,
  name: string | undefined,
  options: { display?: string; unit?: string },
): Promise<void> {
  if (name !== undefined) {
    const current = (await call(context.core, 'people.list', {})).find(
      (person) => personKey(person.name) === personKey(name),
    );
    const saved = await call(context.core, 'people.save', {
      name: current?.name ?? name,
      display: options.display ?? current?.display ?? '',
      unit: options.unit ?? current?.unit ?? '',
    });
    context.io.out(
      context.json
        ? JSON.stringify(saved)
        : `${saved.name}: credit lines write ${saved.display || 'the name in upper case'}${saved.unit ? ` · ${saved.unit}` : ''}`,
    );
    return;
  }
  const list = await call(context.core, 'people.list', {});
  if (context.json) {
    context.io.out(JSON.stringify(list));
    return;
  }
  for (const person of list)
    context.io.out(
      `${person.name}${person.display ? ` → ${person.display}` : ''}${person.unit ? ` · ${person.unit}` : ''}`,
    );
}

export const peopleCommands: readonly CliCommand[] = [
  {
    name: ['people'],
    usage: 'people [NAME [--display D] [--unit U]]',
    summary: 'the contributor registry; with a name, how credit lines write it',
    options: ['display', 'unit'],
    archive: 'open',
    run: (context, { values, args }) =>
      people(context, args.join(' ') || undefined, { display: values.display, unit: values.unit }),
  },
];
