// The animated walkthrough at the top of the README's tutorial: the journey's step pictures
// (.github/screenshots/journey/NN-*.png) as one GIF, built with ImageMagick (Debian's
// `imagemagick`). Run by `npm run screenshots:journey` after the journey wrote the pictures.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const WALKTHROUGH = 'walkthrough.gif';

/** Builds `<dir>/walkthrough.gif` from the numbered PNGs in `dir`; returns its size in bytes. */
export function buildWalkthrough(dir: string): number {
	const frames = fs
		.readdirSync(dir)
		.filter((f) => /^\d\d-.*\.png$/.test(f))
		.sort()
		.map((f) => path.join(dir, f));
	if (frames.length === 0) throw new Error(`no step pictures in ${dir}`);
	const out = path.join(dir, WALKTHROUGH);
	// 2.2 s a frame, 800 px wide, one shared 64-colour palette: small, and text stays legible.
	execFileSync(
		'convert',
		[
			'-delay',
			'220',
			'-loop',
			'0',
			...frames,
			'-resize',
			'800x',
			'+dither',
			'-colors',
			'64',
			'-layers',
			'Optimize',
			out,
		],
		{ stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 },
	);
	return fs.statSync(out).size;
}

if (require.main === module) {
	const dir = path.join(__dirname, '../../../.github/screenshots/journey');
	const bytes = buildWalkthrough(dir);
	console.log(`${path.join(dir, WALKTHROUGH)}: ${(bytes / 1024).toFixed(0)} kB`);
}
