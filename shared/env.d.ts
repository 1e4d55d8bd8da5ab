// The WHATWG URL parser exists in every runtime shared/ code runs in (browsers, Node, Electron);
// ES2023's lib does not declare it, so this declares the part shared/ uses.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly href: string;
}
