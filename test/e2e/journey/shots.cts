// The journey's pictures: one PNG per step, numbered in the order a person meets them. During
// `npm test` they go to a temp folder, so a test run never changes the checked-in pictures;
// `npm run screenshots:journey` (JOURNEY_SCREENSHOTS=update) writes them to
// .github/screenshots/journey/ and builds the walkthrough from them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const REPO_SHOTS = path.join(__dirname, '../../../.github/screenshots/journey');
/** Set to `update` to write the pictures (and the effort table) into the repository. */
export const UPDATE = process.env.JOURNEY_SCREENSHOTS === 'update';
/** The window the pictures are taken in: readable text, small files. */
export const VIEWPORT = { width: 1280, height: 800 };

export class Shots {
	readonly dir: string;
	readonly files: string[] = [];

	constructor() {
		this.dir = UPDATE ? REPO_SHOTS : fs.mkdtempSync(path.join(os.tmpdir(), 'cc-journey-'));
		fs.mkdirSync(this.dir, { recursive: true });
		if (UPDATE)
			for (const f of fs.readdirSync(this.dir))
				if (f.endsWith('.png')) fs.rmSync(path.join(this.dir, f));
	}

	async take(target: Page | Locator, name: string): Promise<string> {
		const file = path.join(
			this.dir,
			`${String(this.files.length + 1).padStart(2, '0')}-${name}.png`,
		);
		await target.screenshot({ path: file, animations: 'disabled' });
		this.files.push(file);
		return file;
	}

	/** A picture for the README outside the walkthrough (no step number, so not in the GIF). */
	async picture(target: Page | Locator, name: string): Promise<string> {
		const file = path.join(this.dir, `${name}.png`);
		await target.screenshot({ path: file, animations: 'disabled' });
		return file;
	}
}
