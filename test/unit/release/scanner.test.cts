// n8n's community-package scanner (scripts/scan-package.mjs): npm test runs it on the packed
// tarball and requires zero findings. These tests prove it would notice a finding, in the
// source leg and in the tarball leg, so a green scan means something.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function scan(args: string[]) {
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'scripts/scan-package.mjs'), ...args],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const temps: string[] = [];
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-scan-test-'));
	temps.push(dir);
	return dir;
}
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("n8n's community-package scanner", () => {
	it('finds a restricted global planted in the packed JavaScript, and only then', () => {
		const pkg = tempDir();
		fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
		const file = path.join(pkg, 'dist/nodes/Certifier/Certifier.node.js');
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, "'use strict';\nexports.Certifier = class Certifier {};\n");
		expect(scan(['--package', pkg])).toMatchObject({ code: 0 });

		fs.appendFileSync(file, 'setTimeout(() => undefined, 1);\n');
		const planted = scan(['--package', pkg]);
		expect(planted.code).toBe(1);
		expect(planted.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(planted.output).toContain('Certifier.node.js');
	});

	it('finds process.env planted in a node source file', () => {
		const source = tempDir();
		fs.copyFileSync(path.join(root, 'package.json'), path.join(source, 'package.json'));
		for (const dir of ['nodes', 'credentials', 'icons']) {
			fs.cpSync(path.join(root, dir), path.join(source, dir), { recursive: true });
		}
		const file = path.join(source, 'nodes/SeekPass/SeekPass.node.ts');
		fs.appendFileSync(file, '\nexport const planted = process.env.SEEK_PASS_SECRET;\n');
		const planted = scan(['--source', source]);
		expect(planted.code).toBe(1);
		expect(planted.output).toMatch(/SeekPass\.node\.ts[\s\S]*restricted global 'process'/);
	});
});
