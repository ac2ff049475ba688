#!/usr/bin/env node
// n8n's community-package scanner (@n8n/scan-community-package), run locally (issue 15).
// Its CLI only scans packages published with provenance, so this runs the same two legs its
// analyzePackageByName() runs, through the analyzer the package exports:
//   - the source: package.json and nodes/ + credentials/ (.ts and codex .json), full rule set;
//   - the packed tarball, as npm would publish it: compiled .js and the published package.json.
// Usage: node scripts/scan-package.mjs                       pack this repository and scan it
//        node scripts/scan-package.mjs --source <dir> --package <dir>   scan given folders
// Exit code 0 only when neither leg has a finding.
// Plain .mjs: the scanner is an ES module, which jest's CommonJS runtime cannot import.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

// The patterns analyzePackageByName() uses for the tarball leg.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** `npm pack` of this repository (dist/ must be built), unpacked into a temp folder. */
function packAndExtract() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-scan-'));
	// --ignore-scripts: packing must not rebuild or lint; npm test built dist/ already.
	const [packed] = JSON.parse(
		run(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'],
			root,
		),
	);
	const extracted = path.join(dir, 'package');
	run('tar', ['-xzf', path.join(dir, packed.filename), '-C', dir], dir);
	return { extracted, files: packed.files.length, filename: packed.filename };
}

function option(name) {
	const index = process.argv.indexOf(name);
	return index > 0 ? process.argv[index + 1] : undefined;
}

let sourceDir = option('--source');
let packageDir = option('--package');
if (!sourceDir && !packageDir) {
	sourceDir = root;
	const packed = packAndExtract();
	packageDir = packed.extracted;
	console.log(`packed ${packed.filename} (${packed.files} files)`);
}

let findings = 0;
for (const [label, dir, patterns] of [
	['source', sourceDir, SOURCE_FILE_PATTERNS],
	['tarball', packageDir, TARBALL_FILE_PATTERNS],
]) {
	if (!dir) continue;
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`${label}: no findings (${result.message ?? 'scanned'})`);
	} else {
		findings++;
		console.log(`${label}: ${result.message}`);
		if (result.details) console.log(result.details);
	}
}
process.exit(findings === 0 ? 0 : 1);
