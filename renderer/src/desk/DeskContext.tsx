import { createContext, useContext } from 'react';
import type { DeskRole } from '../../../shared/desk/protocol';
import type { DeskStatus } from '../../../shared/desk/status';

const DeskStatusContext = createContext<DeskStatus | undefined>(undefined);

export const DeskStatusProvider = DeskStatusContext.Provider;

/** The role this laptop's user has on its desk; undefined when it is on no desk (then every move is offered). */
export function useDeskRole(): DeskRole | undefined {
  const status = useContext(DeskStatusContext);
  return status?.joined ? status.role : undefined;
}
