// The GitHub Actions workflows (issue 15): valid for GitHub (checked by action-validator, the
// schema GitHub's own editor uses), and saying what the release process relies on.
import { validateWorkflow } from '@action-validator/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const read = (name: string) => fs.readFileSync(path.join(root, '.github/workflows', name), 'utf8');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: { push?: { tags?: string[]; branches?: string[] }; pull_request?: unknown };
	jobs: Record<string, Job>;
}

const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('GitHub Actions workflows', () => {
	it.each(['ci.yml', 'publish.yml'])('%s is a valid workflow', (name) => {
		expect(validateWorkflow(read(name)).errors).toEqual([]);
	});

	it('the validator rejects a broken workflow (so the check above can fail)', () => {
		const broken = read('ci.yml').replace(
			'runs-on: ubuntu-latest',
			'runs-on: ubuntu-latest\n    stepz: []',
		);
		expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
	});

	it('CI installs with npm ci on Node 24, lints, builds and runs the README commands', () => {
		const ci = parse(read('ci.yml')) as Workflow;
		const job = ci.jobs.build;
		expect(
			job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version'],
		).toBe('24');
		const commands = runs(job);
		for (const command of ['npm ci', 'npm run lint', 'npm run build', 'npm run demo', 'npm test']) {
			expect(commands).toContain(command);
		}
		expect(commands).not.toMatch(/npm install\b/);
		expect(ci.on.pull_request).toBeDefined();
	});

	it('publishing runs on a version tag, with an OIDC token for provenance, through n8n-node release', () => {
		const publish = parse(read('publish.yml')) as Workflow;
		expect(publish.on.push?.tags).toEqual(['*.*.*']);
		const job = publish.jobs.publish;
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(runs(job)).toContain('npm ci');
		expect(runs(job)).toContain('npm run release');
		expect(
			job.steps.find((s) => s.run?.includes('npm run release'))?.env?.NPM_CONFIG_PROVENANCE,
		).toBe('true');
		expect(packageJson.scripts.release).toBe('n8n-node release');
	});

	it('npm publish outside the release process is refused: prepublishOnly is not silenced', () => {
		expect(packageJson.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const npmrc = fs.readFileSync(path.join(root, '.npmrc'), 'utf8');
		expect(npmrc).not.toMatch(/^\s*ignore-scripts\s*=\s*true/m);
	});
});
