// Codex files (nodes/*/*.node.json) decide where the nodes panel lists the nodes. n8n documents a
// fixed list of categories and no subcategories for community nodes; the three services belong
// together, so every node of the package is listed in the same place.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// https://docs.n8n.io/integrations/creating-nodes/build/reference/node-codex-files/ (Node categories)
const DOCUMENTED_CATEGORIES = [
	'Data & Storage',
	'Finance & Accounting',
	'Marketing & Content',
	'Productivity',
	'Miscellaneous',
	'Sales',
	'Development',
	'Analytics',
	'Communication',
	'Utility',
];

const codexFiles = (packageJson.n8n.nodes as string[]).map((built) =>
	path.join(root, built.replace(/^dist\//, '').replace(/\.js$/, '.json')),
);
const codex = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('codex files', () => {
	it.each(codexFiles.map((f) => [path.relative(root, f), f]))(
		'%s: documented categories, no subcategories',
		(_name, file) => {
			const { categories, subcategories, node } = codex(file);
			expect(categories.length).toBeGreaterThan(0);
			for (const category of categories) expect(DOCUMENTED_CATEGORIES).toContain(category);
			expect(subcategories).toBeUndefined();
			expect(node).toMatch(new RegExp(`^${packageJson.name}\\.[a-z][A-Za-z]+$`));
		},
	);

	it('lists the three services in the same categories', () => {
		const sets = new Set(codexFiles.map((file) => JSON.stringify(codex(file).categories)));
		expect([...sets]).toEqual([JSON.stringify(['Productivity'])]);
	});
});
