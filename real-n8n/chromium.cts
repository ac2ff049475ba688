// Debian's Chromium for the browser test: installed with apt when missing (needs root), so a
// fresh machine runs the test without a separate setup step. playwright-core drives it.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (containers run as root), and no background traffic to Google. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function ensureChromium(log: (line: string) => void = () => undefined): string {
	if (spawnSync('which', ['chromium']).status === 0 && fs.existsSync(CHROMIUM)) return CHROMIUM;
	// Root installs directly; otherwise only a password-less sudo (as on CI runners) can.
	const root = process.getuid?.() === 0;
	if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM}; install it (apt-get install -y chromium) or run as root`,
		);
	}
	log('installing Debian chromium with apt-get (first run only)');
	const apt = (args: string[]) =>
		execFileSync(
			root ? 'apt-get' : 'sudo',
			root ? args : ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args],
			{
				stdio: ['ignore', 'ignore', 'pipe'],
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
				timeout: 15 * 60_000,
			},
		);
	apt(['update']);
	apt(['install', '-y', '--no-install-recommends', 'chromium']);
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
	return CHROMIUM;
}
