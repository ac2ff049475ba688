// Package cost: packed size (npm pack --dry-run) and how long n8n takes to load all of the
// package's nodes and credentials — n8n-core's PackageDirectoryLoader.loadAll(), as n8n runs it
// for a community package, in the n8n runtime's Node 24, in fresh processes; the median is reported.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { runtimeEnv, type Runtime } from '../real-n8n/index.cjs';
import { median } from './stats.cjs';
import type { PackageCost } from './types.cjs';

const ROOT = path.resolve(__dirname, '..');

export function packedSize(): Pick<PackageCost, 'packedBytes' | 'unpackedBytes' | 'files'> {
	const out = execFileSync(
		'npm',
		['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	const [info] = JSON.parse(out) as Array<{
		size: number;
		unpackedSize: number;
		entryCount: number;
	}>;
	return { packedBytes: info.size, unpackedBytes: info.unpackedSize, files: info.entryCount };
}

// Resolves n8n-workflow (and anything else the package leaves to n8n) from n8n's own
// node_modules, as n8n's LoadNodesAndCredentials does through NODE_PATH.
const LOADER = `
const Module = require('node:module');
const path = require('node:path');
const [runtimeDir, packageDir] = process.argv.slice(1);
process.env.NODE_PATH = path.join(runtimeDir, 'node_modules');
Module._initPaths();
const { PackageDirectoryLoader } = require(path.join(runtimeDir, 'node_modules', 'n8n-core'));
(async () => {
	const loader = new PackageDirectoryLoader(packageDir);
	const t0 = performance.now();
	await loader.loadAll();
	const ms = performance.now() - t0;
	process.stdout.write(JSON.stringify({ ms, nodes: Object.keys(loader.nodeTypes).length, credentials: Object.keys(loader.credentialTypes).length }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** `packageDir`: the package as n8n installed it (N8nInstance.packageDir). */
export function loadTime(runtime: Runtime, packageDir: string, runs = 7): PackageCost['loadMs'] {
	const times: number[] = [];
	let nodes = 0;
	let credentials = 0;
	for (let i = 0; i < runs; i++) {
		const out = execFileSync(runtime.nodeBin, ['-e', LOADER, runtime.dir, packageDir], {
			env: runtimeEnv(runtime.nodeHome),
			encoding: 'utf8',
			timeout: 120_000,
		});
		const r = JSON.parse(out) as { ms: number; nodes: number; credentials: number };
		times.push(r.ms);
		nodes = r.nodes;
		credentials = r.credentials;
	}
	return { median: median(times), runs: times, nodes, credentials };
}
