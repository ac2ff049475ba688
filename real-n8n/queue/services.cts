// Redis and PostgreSQL for n8n's queue mode, from Debian's packages: installed with apt-get
// when missing, started on free loopback ports with their data in a temp folder, under the
// same supervisor as n8n (they die with the process that started them), stopped by stop().
// PostgreSQL refuses to run as root: when the tests run as root it runs as the `postgres`
// user the Debian package creates.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { execOk } from '../exec.cjs';
import { LogCapture } from '../log-capture.cjs';
import { freePort } from '../ports.cjs';
import { SUPERVISOR } from '../supervisor.cjs';

export interface Service {
	name: string;
	port: number;
	dir: string;
	logTail(): string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	user: string;
	password: string;
	database: string;
}

const PG_ROOT = '/usr/lib/postgresql';

function pgBin(): string | undefined {
	if (!fs.existsSync(PG_ROOT)) return undefined;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

function redisBin(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => fs.existsSync(f));
}

/** apt-get update + install of what is missing (root only); a no-op when both are present. */
export async function ensureQueueServices(
	progress: (m: string) => void = console.log,
): Promise<void> {
	const missing = [...(redisBin() ? [] : ['redis-server']), ...(pgBin() ? [] : ['postgresql'])];
	if (!missing.length) return;
	if (process.getuid?.() !== 0)
		throw new Error(
			`queue-mode tests need ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`,
		);
	progress(`installing ${missing.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await execOk('apt-get', ['update', '-qq'], { env, timeoutMs: 5 * 60_000 });
	await execOk('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
		env,
		timeoutMs: 10 * 60_000,
	});
	if (!redisBin() || !pgBin())
		throw new Error(`apt-get install ${missing.join(' ')} did not provide redis-server and initdb`);
}

interface Owner {
	uid?: number;
	gid?: number;
}

/** Under root, the `postgres` system user; otherwise the current user. */
function postgresOwner(): Owner {
	if (process.getuid?.() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line)
		throw new Error(
			'running as root but there is no postgres user (is the postgresql package installed?)',
		);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

class Supervised implements Service {
	private child?: ChildProcess;
	private exited?: Promise<void>;
	private readonly log: LogCapture;

	constructor(
		readonly name: string,
		readonly port: number,
		readonly dir: string,
	) {
		this.log = new LogCapture(path.join(dir, `${name}.log`));
	}

	spawn(bin: string, args: string[], owner: Owner): void {
		const child = spawn(process.execPath, ['-e', SUPERVISOR, bin, ...args], {
			cwd: this.dir,
			env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
			...owner,
		});
		this.child = child;
		this.log.attach(child.stdout!);
		this.log.attach(child.stderr!);
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		live.add(this);
	}

	get running(): boolean {
		return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
	}

	logTail(): string {
		return this.log.tail(40);
	}

	async waitForPort(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (!this.running)
				throw new Error(`${this.name} exited before listening on ${this.port}:\n${this.logTail()}`);
			if (await canConnect(this.port)) return;
			if (Date.now() > deadline)
				throw new Error(
					`${this.name} not listening on ${this.port} after ${timeoutMs} ms:\n${this.logTail()}`,
				);
			await sleep(100);
		}
	}

	async stop(): Promise<void> {
		if (this.running) {
			this.child!.kill('SIGTERM');
			const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref());
			if ((await Promise.race([this.exited, timer])) === 'timeout') this.kill();
			await this.exited;
		}
		live.delete(this);
		await this.log.close();
		fs.rmSync(this.dir, { recursive: true, force: true });
	}

	kill(): void {
		if (!this.running) return;
		try {
			process.kill(-this.child!.pid!, 'SIGKILL');
		} catch {
			// gone
		}
	}
}

const live = new Set<Supervised>();
process.once('exit', () => {
	for (const s of live) s.kill();
});

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export async function startRedis(): Promise<Service> {
	const bin = redisBin();
	if (!bin) throw new Error('redis-server is not installed (ensureQueueServices first)');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-redis-'));
	const port = await freePort();
	const redis = new Supervised('redis', port, dir);
	redis.spawn(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{},
	);
	await redis.waitForPort(30_000);
	return redis;
}

export async function startPostgres(): Promise<Postgres> {
	const bin = pgBin();
	if (!bin) throw new Error('PostgreSQL is not installed (ensureQueueServices first)');
	const owner = postgresOwner();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-postgres-'));
	const data = path.join(dir, 'data');
	fs.mkdirSync(data, { mode: 0o700 });
	if (owner.uid !== undefined) {
		fs.chownSync(dir, owner.uid, owner.gid!);
		fs.chownSync(data, owner.uid, owner.gid!);
	}
	const user = 'n8n';
	const password = 'n8n-local-test';
	const database = 'n8n';
	// Loopback only, password auth for TCP; the superuser is created with that password.
	const pwfile = path.join(dir, 'pwfile');
	fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
	if (owner.uid !== undefined) fs.chownSync(pwfile, owner.uid, owner.gid!);
	await runAs(
		owner,
		path.join(bin, 'initdb'),
		[
			'-D',
			data,
			'-U',
			user,
			`--pwfile=${pwfile}`,
			'--auth=scram-sha-256',
			'-E',
			'UTF8',
			'--locale=C.UTF-8',
		],
		dir,
	);
	fs.rmSync(pwfile);
	const port = await freePort();
	const pg = new Supervised('postgres', port, dir) as Supervised & Partial<Postgres>;
	pg.spawn(
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${dir}`,
			'-c',
			'max_connections=200',
			'-c',
			'fsync=off',
		],
		owner,
	);
	await pg.waitForPort(60_000);
	// The database n8n uses: createdb over TCP as the superuser.
	await runAs(
		owner,
		path.join(bin, 'createdb'),
		['-h', '127.0.0.1', '-p', String(port), '-U', user, database],
		dir,
		{ PGPASSWORD: password },
		30_000,
		20,
	);
	return Object.assign(pg, { user, password, database }) as Postgres;
}

async function runAs(
	owner: Owner,
	bin: string,
	args: string[],
	cwd: string,
	env: Record<string, string> = {},
	timeoutMs = 120_000,
	attempts = 1,
): Promise<void> {
	for (let i = 1; ; i++) {
		const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
			const child = spawn(bin, args, {
				cwd,
				env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...env },
				...owner,
			});
			let out = '';
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.once('close', (code) => {
				clearTimeout(timer);
				resolve({ code, out });
			});
		});
		if (result.code === 0) return;
		if (i >= attempts)
			throw new Error(
				`${path.basename(bin)} ${args.join(' ')} failed (${result.code}):\n${result.out.slice(-2000)}`,
			);
		await sleep(500);
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}
