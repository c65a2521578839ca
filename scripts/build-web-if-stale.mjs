// Builds the web app when dist/web is missing or older than its sources (the browser tests use it).
import { buildIfStale } from './build-if-stale.mjs';

await buildIfStale({ server: false });
