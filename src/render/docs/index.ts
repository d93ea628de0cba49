export { renderDocs } from './render-docs.js';
export type { RenderDocsOptions, RenderedDocs } from './render-docs.js';
export { DEFAULT_TEMPLATES_DIR, listTemplates } from './engine.js';
