export { CONFIG_FILE, loadConfig, type ClientConfig } from './load-config.js';
