// `npm test`: lockfile check, build, lint, type-check, n8n's package scanner, then the unit,
// integration (with the conformance suite), n8n 1.x compatibility, end-to-end and queue-mode suites.
// Every step runs even when an earlier one failed (except those that need the build), so one
// run shows everything that is wrong; the last line is the count CI reads.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface StepResult {
	name: string;
	ok: boolean;
	seconds: number;
	skipped?: boolean;
}

interface JestReport {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
}

const results: StepResult[] = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
	console.log(`\n=== ${name} ===`);
	const started = Date.now();
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	});
	const ok = result.status === 0;
	results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
	return ok;
}

function skip(name: string): void {
	results.push({ name, ok: false, seconds: 0, skipped: true });
}

function jest(name: string, projects: string[]): boolean {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-jest-')), 'report.json');
	const ok = run(name, bin('jest'), [
		'--selectProjects',
		...projects,
		'--json',
		`--outputFile=${report}`,
		'--ci',
	]);
	if (fs.existsSync(report)) {
		const parsed = JSON.parse(fs.readFileSync(report, 'utf8')) as JestReport;
		counts.passed += parsed.numPassedTests;
		counts.failed += parsed.numFailedTests;
		counts.skipped += parsed.numPendingTests;
	} else {
		counts.failed += 1;
	}
	return ok;
}

const only = process.argv.slice(2);
const wants = (step: string) => only.length === 0 || only.includes(step);

// The lock must install as CI and users install: `npm ci` refuses a lock that misses any
// platform's optional package (issue 15).
if (wants('lockfile'))
	run('lockfile (npm ci --dry-run)', 'npm', [
		'ci',
		'--dry-run',
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--loglevel=error',
	]);
const built =
	wants('build') || wants('scan') || wants('e2e') || wants('scale')
		? run('build (n8n-node build)', 'npm', ['run', 'build', '--silent'])
		: true;
if (wants('lint')) run('lint (n8n-node lint, strict)', 'npm', ['run', 'lint', '--silent']);
if (wants('format')) run('format check (prettier)', bin('prettier'), ['--check', '.']);
if (wants('typecheck'))
	run('type-check dev code', bin('tsc'), ['--noEmit', '-p', 'tsconfig.dev.json']);
// n8n's community-package scanner on the tarball npm would publish (and on the source), as
// n8n runs it before verifying a package; zero findings required (issue 15).
if (wants('scan')) {
	if (built) run('n8n community-package scanner', process.execPath, ['scripts/scan-package.mjs']);
	else skip('n8n community-package scanner');
}
if (wants('unit')) jest('unit + integration tests', ['unit', 'integration', 'conformance']);
// The oldest supported n8n (README "Compatibility"): the in-process flagship flow and one
// operation per node again, on n8n 1.85's n8n-core / n8n-workflow (jest project "compat").
if (wants('compat')) jest('n8n 1.x compatibility tests', ['compat']);
if (wants('e2e')) {
	if (built) jest('end-to-end tests (real n8n)', ['e2e']);
	else skip('end-to-end tests (real n8n)');
}
// Queue mode: main, webhook processor and two workers over Redis and PostgreSQL (issue 9).
if (wants('scale')) {
	if (built) jest('queue-mode tests (real n8n, Redis, PostgreSQL)', ['scale']);
	else skip('queue-mode tests (real n8n, Redis, PostgreSQL)');
}

console.log('\n=== summary ===');
for (const step of results) {
	const state = step.skipped ? 'SKIPPED (build failed)' : step.ok ? 'ok' : 'FAILED';
	console.log(`${step.name.padEnd(40)} ${state.padEnd(24)} ${step.seconds.toFixed(1)} s`);
}
const stepFailures = results.filter((s) => !s.ok).length;
// Non-test steps (build, lint, type-check) count as one test each, so a red lint is a red line.
const stepTests = results.filter((s) => !s.name.includes('tests'));
const passed = counts.passed + stepTests.filter((s) => s.ok).length;
const failed = counts.failed + stepTests.filter((s) => !s.ok).length;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${counts.skipped} skipped`);
process.exit(stepFailures === 0 && failed === 0 ? 0 : 1);
