import { protocol } from 'electron';
import { appRequestHandler } from './appRequests';
import type { RenditionKind } from './appRequests';
import { appScheme } from './appUrl';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** newsroom://app/ answers through appRequestHandler (tested under Node). */
export function handleAppProtocol(rendererDir: string, media: (id: string, kind: RenditionKind) => string): void {
  protocol.handle(appScheme, appRequestHandler(rendererDir, media));
}
