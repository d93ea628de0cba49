import type * as ir from '../model/ir.js';

/** The first server's URL with each `{variable}` replaced by its default; '' when there is none. */
export function defaultServerUrl(model: Pick<ir.Model, 'servers'>): string {
  const server = model.servers[0];
  if (!server) return '';
  const defaults = new Map(server.variables.map((variable) => [variable.name, variable.default]));
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
}
