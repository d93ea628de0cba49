export { renderClient } from './render-client.js';
export type { RenderClientOptions } from './render-client.js';
