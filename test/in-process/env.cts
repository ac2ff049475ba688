// Environment n8n-core reads when its services are first created, set before anything
// imports n8n-core (every harness module imports this file first).
// - N8N_USER_FOLDER: InstanceSettings writes an encryption key under it; tests must never
//   touch a developer's real ~/.n8n, so it points at a throw-away folder of this process.
// - N8N_LOG_LEVEL: n8n's error reporter logs every failed node with its stack, which
//   buries test output; silent unless IN_PROCESS_N8N_LOG_LEVEL asks for more.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PREFIX = 'cc-n8n-in-process-';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

// Jest workers are often killed rather than exited, so 'exit' handlers do not always run:
// folders of processes that are gone are swept by the next one instead.
function sweepStaleFolders(): void {
	for (const entry of fs.readdirSync(os.tmpdir())) {
		const pid = Number(entry.slice(PREFIX.length));
		if (!entry.startsWith(PREFIX) || !Number.isInteger(pid) || isAlive(pid)) continue;
		fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
	}
}

function processUserFolder(): string {
	const folder = path.join(os.tmpdir(), `${PREFIX}${process.pid}`);
	if (!fs.existsSync(folder)) {
		sweepStaleFolders();
		fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
		process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
	}
	return folder;
}

export const userFolder: string = processUserFolder();
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = process.env.IN_PROCESS_N8N_LOG_LEVEL ?? 'silent';
