import type { MethodName, Output } from '../../../shared/api/contract';
import type { ArticleSummary } from '../../../shared/article/article';
import { dispatch } from '../../core/dispatch';
import type { OpenCore } from '../../core/openCore';
import { CliError } from '../output';
import type { CliIo } from '../output';

export interface CommandContext {
  core: OpenCore;
  io: CliIo;
  json: boolean;
}

/** Calls the contract exactly as a shell does: validated input, typed errors. */
export async function call<M extends MethodName>(core: OpenCore, method: M, input: unknown): Promise<Output<M>> {
  const result = await dispatch(core.handlers, method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as Output<M>;
}

export const summaryJson = (article: ArticleSummary) => ({
  id: article.id,
  headline: article.headline,
  status: article.status,
  section: article.section,
  version: article.version,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
});

export const parseId = (idText: string | undefined, command: string): number => {
  const id = Number(idText);
  if (idText === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw new CliError(`${command} needs an article id (a positive whole number)`, 2);
  return id;
};

export interface DataDirContext {
  dataDir: string;
  io: CliIo;
  json: boolean;
}
