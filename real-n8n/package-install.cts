// Installs THIS package into an n8n user folder exactly the way n8n 2.41's
// community-package installer does (CommunityPackagesService.downloadPackage):
// pack, extract into `<userFolder>/.n8n/nodes/node_modules/<name>`, strip dev,
// peer and optional dependencies from its package.json, `npm install` inside it
// with scripts off, and record it in the nodes folder's package.json.
// Peer dependencies never get installed: n8n-workflow must come from n8n's own
// copy at run time, as it does for packages installed from the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_NAME, PACKAGE_ROOT } from './constants.cjs';
import { execOk } from './exec.cjs';
import { assertBuilt } from './package-types.cjs';
import { runtimeEnv } from './runtime.cjs';

export interface InstalledPackage {
	/** Where n8n will find the package. */
	dir: string;
	tarball: string;
	version: string;
	ms: number;
}

/** Requires a prior `npm run build` (fails with that advice otherwise). */
export async function installPackage(
	userFolder: string,
	opts: { nodeHome?: string; root?: string } = {},
): Promise<InstalledPackage> {
	const t0 = Date.now();
	const root = opts.root ?? PACKAGE_ROOT;
	assertBuilt(root);
	const env = runtimeEnv(opts.nodeHome ?? path.dirname(path.dirname(process.execPath)));
	const packDir = path.join(userFolder, 'pack');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(packDir, { recursive: true });

	// --ignore-scripts: packing must not rebuild or lint; the caller built dist/ already.
	const { stdout } = await execOk(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', packDir, '--loglevel=error'],
		{
			cwd: root,
			env,
			timeoutMs: 120_000,
		},
	);
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	const tarball = path.join(packDir, path.basename(filename));

	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	await execOk('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { timeoutMs: 60_000 });
	const manifestFile = path.join(dir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestFile, 'utf8'),
	) as Record<string, unknown> & { version: string };
	(void devDependencies, void peerDependencies, void optionalDependencies);
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	await execOk(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: dir, env, timeoutMs: 180_000 },
	);

	const nodesManifest = path.join(nodesDir, 'package.json');
	const installed = fs.existsSync(nodesManifest)
		? (JSON.parse(fs.readFileSync(nodesManifest, 'utf8')) as {
				dependencies?: Record<string, string>;
			})
		: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
	installed.dependencies = { ...installed.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(installed, null, 2));
	return { dir, tarball, version: manifest.version, ms: Date.now() - t0 };
}
