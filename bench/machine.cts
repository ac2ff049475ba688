// What the numbers were measured on.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Machine {
	cpu: string;
	cores: number;
	ramGb: number;
	os: string;
	kernel: string;
	benchNode: string;
	n8nNode: string;
	n8n: string;
	loadAverageAtStart: number[];
	commit?: string;
	dirty?: boolean;
}

export function describeMachine(n8nVersion: string, n8nNodeVersion: string): Machine {
	let osName = `${os.type()} ${os.release()}`;
	try {
		osName =
			/^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
	} catch {
		// not Linux
	}
	const root = path.resolve(__dirname, '..');
	const git = (...args: string[]) => {
		try {
			return execFileSync('git', args, {
				cwd: root,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
		} catch {
			return undefined;
		}
	};
	const status = git('status', '--porcelain');
	return {
		cpu: os.cpus()[0]?.model ?? 'unknown',
		cores: os.cpus().length,
		ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: osName,
		kernel: os.release(),
		benchNode: process.version,
		n8nNode: n8nNodeVersion,
		n8n: n8nVersion,
		loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
		commit: git('rev-parse', 'HEAD'),
		dirty: status === undefined ? undefined : status.length > 0,
	};
}
