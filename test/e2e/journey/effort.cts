// The README's effort table ("Build the flagship flow in the editor"), rendered from what the
// journey test counted. The test compares the README with it; `npm run screenshots:journey`
// (JOURNEY_SCREENSHOTS=update) writes it, with the counts as JSON beside the pictures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Effort } from './editor.cjs';

export const README = path.join(__dirname, '../../../README.md');
const START = '<!-- journey-effort:start -->';
const END = '<!-- journey-effort:end -->';

export interface Compared {
	/** This package's nodes and credentials. */
	ours: Effort;
	/** The same calls with HTTP Request nodes and generic credentials; absent until measured. */
	http?: Effort;
}

export function effortTable(c: Compared): string {
	const rows: Array<[string, keyof Effort]> = [
		['Nodes added', 'nodes'],
		['Fields filled in', 'fields'],
		['Characters typed', 'characters'],
		['of which JSON', 'jsonCharacters'],
	];
	const head = c.http
		? '| | This package | HTTP Request nodes |\n|---|---:|---:|'
		: '| | This package |\n|---|---:|';
	const body = rows.map(([label, key]) =>
		c.http ? `| ${label} | ${c.ours[key]} | ${c.http[key]} |` : `| ${label} | ${c.ours[key]} |`,
	);
	return [head, ...body].join('\n');
}

/** The table between the README's markers, or undefined when the markers are missing. */
export function readmeTable(readme = fs.readFileSync(README, 'utf8')): string | undefined {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) return undefined;
	return readme.slice(start + START.length, end).trim();
}

export function writeReadmeTable(table: string): void {
	const readme = fs.readFileSync(README, 'utf8');
	if (readmeTable(readme) === undefined) throw new Error(`README.md has no ${START} … ${END}`);
	const start = readme.indexOf(START) + START.length;
	const end = readme.indexOf(END);
	fs.writeFileSync(README, `${readme.slice(0, start)}\n${table}\n${readme.slice(end)}`);
}
