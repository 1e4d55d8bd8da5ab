export function electronRuntime(): { ok: true; path: string; version: string } | { ok: false; reason: string };
