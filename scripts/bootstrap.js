#!/usr/bin/env node
'use strict';
// Makes `npm test`, `npm run demo` and `npm run sandbox` work on a fresh clone: installs the
// dev dependencies when node_modules is missing or older than package-lock.json.
// Plain JavaScript with no dependencies, because it runs before anything is installed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lockFile = path.join(root, 'package-lock.json');
// npm writes this "hidden lockfile" at the end of every install, so an install done by hand or
// by CI (`npm ci --ignore-scripts`) counts as well as one done here.
const installedLock = path.join(root, 'node_modules', '.package-lock.json');

const installed =
	fs.existsSync(installedLock) &&
	fs.statSync(installedLock).mtimeMs >= fs.statSync(lockFile).mtimeMs;

if (!installed) {
	console.log('[bootstrap] installing dev dependencies from package-lock.json…');
	const started = Date.now();
	// `npm ci`: exactly the lock (which holds every platform's optional packages), as CI installs.
	// --ignore-scripts here only, not in .npmrc (that would also silence `prepublishOnly`):
	// eslint-plugin-n8n-nodes-base's install script insists on pnpm and isolated-vm's needs
	// Node 24; nothing we use needs them.
	const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: root,
		stdio: 'inherit',
	});
	if (result.status !== 0) {
		console.error('[bootstrap] npm ci failed');
		process.exit(result.status ?? 1);
	}
	console.log(
		`[bootstrap] dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`,
	);
}
