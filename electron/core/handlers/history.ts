import { getRevision, listRevisions, nameRevision, restoreRevision } from '../archive/revisionStore';
import type { CoreContext, HandlersOf } from './context';

export const historyHandlers = ({ db, actor, policy, indexSoon }: CoreContext) =>
  ({
    'articles.history': ({ id }) => listRevisions(db, id),
    'articles.revision': ({ id, revisionId }) => getRevision(db, id, revisionId),
    'articles.saveVersion': ({ id, name }) => nameRevision(db, id, name, actor().by, policy.now()),
    'articles.restore': ({ id, baseVersion, revisionId }) =>
      indexSoon(restoreRevision(db, id, baseVersion, revisionId, actor().by, policy.now())),
  }) satisfies HandlersOf<'articles.history' | 'articles.revision' | 'articles.saveVersion' | 'articles.restore'>;
