// What this package declares to n8n: the node and credential type names behind
// the dist paths in package.json's `n8n` section. Read by loading the built
// classes (CommonJS; n8n-workflow resolves from this repo's node_modules), so the
// names come from the code n8n will load, not from file-name conventions.
// The loading happens in a plain child Node: under tsx's loader hooks some
// dependencies' JSON requires break, and in jest it would fill the module registry.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_NAME, PACKAGE_ROOT } from './constants.cjs';

export interface PackageTypes {
	/** Node type names as n8n lists them: `n8n-nodes-career-credentials.<name>`. */
	nodes: string[];
	/** Credential type names (not prefixed: credentials share one global namespace). */
	credentials: string[];
}

interface N8nSection {
	nodes?: string[];
	credentials?: string[];
}

export function readN8nSection(root = PACKAGE_ROOT): Required<N8nSection> {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		n8n?: N8nSection;
	};
	return { nodes: pkg.n8n?.nodes ?? [], credentials: pkg.n8n?.credentials ?? [] };
}

/** Throws, naming the missing files and the fix, unless every declared dist file exists. */
export function assertBuilt(root = PACKAGE_ROOT): void {
	if (!fs.existsSync(path.join(root, 'dist'))) {
		throw new Error(
			`The package is not built: ${path.join(root, 'dist')} is missing. Run \`npm run build\` in ${root} first.`,
		);
	}
	const { nodes, credentials } = readN8nSection(root);
	const missing = [...nodes, ...credentials].filter((f) => !fs.existsSync(path.join(root, f)));
	if (missing.length) {
		throw new Error(
			`The build is incomplete or stale (missing: ${missing.join(', ')}). Run \`npm run build\` in ${root} first.`,
		);
	}
}

export function packageTypes(root = PACKAGE_ROOT): PackageTypes {
	assertBuilt(root);
	const { nodes, credentials } = readN8nSection(root);
	const env = { ...process.env };
	delete env.NODE_OPTIONS;
	const out = execFileSync(
		process.execPath,
		['-e', LOADER, root, JSON.stringify({ nodes, credentials })],
		{
			env,
			encoding: 'utf8',
			timeout: 60_000,
		},
	);
	const names = JSON.parse(out) as PackageTypes;
	return { nodes: names.nodes.map((n) => `${PACKAGE_NAME}.${n}`), credentials: names.credentials };
}

// n8n's own loader expects each class exported under its file's base name
// (Certifier.node.js → Certifier); a node's type name is description.name, a credential's is name.
const LOADER = `
const path = require('node:path');
const [root, json] = process.argv.slice(1);
const { nodes, credentials } = JSON.parse(json);
const load = (f) => {
	const cls = require(path.join(root, f))[path.basename(f).split('.')[0]];
	if (typeof cls !== 'function') throw new Error(f + ' does not export a class named ' + path.basename(f).split('.')[0]);
	return new cls();
};
process.stdout.write(JSON.stringify({
	nodes: nodes.map((f) => load(f).description.name),
	credentials: credentials.map((f) => load(f).name),
}));
`;
