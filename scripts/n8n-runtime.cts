// The real-n8n runtime from the command line:
//   install  install (once) Node 24 + n8n into the cache and print where they are
//   where    print the paths of an installed runtime (exit 1 if none)
//   start    run n8n with this package installed, for manual use, until Ctrl-C
//            options: --port <n> (default 5678)  --folder <dir> (keep data there)
//                     --no-package (plain n8n)
// Run with `npx tsx scripts/n8n-runtime.cts <command>`.
import { DEFAULT_OWNER, ensureRuntime, startN8n } from '../real-n8n/index.cjs';
import { locateRuntime } from '../real-n8n/runtime.cjs';
import { runtimeDir } from '../real-n8n/constants.cjs';

const USAGE =
	'usage: n8n-runtime.cts install | where | start [--port <n>] [--folder <dir>] [--no-package]';

function flag(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	if (i < 0) return undefined;
	const value = args[i + 1];
	if (!value || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
	return value;
}

function printPaths(r: {
	nodeBin: string;
	n8nBin: string;
	dir: string;
	version: string;
	nodeVersion: string;
}): void {
	console.log(`n8n ${r.version}:  ${r.n8nBin}`);
	console.log(`Node ${r.nodeVersion}: ${r.nodeBin}`);
	console.log(`runtime folder: ${r.dir}`);
}

async function start(args: string[]): Promise<void> {
	const port = Number(flag(args, '--port') ?? 5678);
	if (!Number.isInteger(port) || port <= 0) throw new Error(`bad --port\n${USAGE}`);
	const folder = flag(args, '--folder');
	const n8n = await startN8n({
		port,
		userFolder: folder,
		withPackage: !args.includes('--no-package'),
		onProgress: (m) => console.log(`[n8n] ${m}`),
	});
	console.log('');
	console.log(`n8n editor: ${n8n.url}/`);
	console.log(
		`login:      ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}   (local throwaway instance)`,
	);
	console.log(`webhooks:   ${n8n.url}/webhook/<path>`);
	console.log(`log:        ${n8n.logFile}`);
	console.log(
		folder ? `data kept in ${folder}` : 'data is temporary (use --folder <dir> to keep it)',
	);
	console.log('Ctrl-C to stop.');
	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		console.log('\nstopping n8n…');
		n8n.stop().then(
			() => process.exit(0),
			(e) => (console.error(e), process.exit(1)),
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	// n8n dying on its own ends the session too, with its last words.
	const poll = setInterval(() => {
		if (n8n.pid !== undefined && !isAlive(n8n.pid) && !stopping) {
			clearInterval(poll);
			console.error(n8n.failure('n8n exited').message);
			process.exit(1);
		}
	}, 1000);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function main(): Promise<void> {
	const [command, ...args] = process.argv.slice(2);
	switch (command) {
		case 'install':
			printPaths(await ensureRuntime());
			return;
		case 'where': {
			const r = locateRuntime();
			if (!r) {
				console.error(
					`no runtime installed at ${runtimeDir()}; run: npx tsx scripts/n8n-runtime.cts install`,
				);
				process.exitCode = 1;
				return;
			}
			printPaths(r);
			return;
		}
		case 'start':
			return await start(args);
		default:
			console.error(USAGE);
			process.exitCode = 2;
	}
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
