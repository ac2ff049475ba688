// A real n8n server for e2e tests, the demo and benchmarks: started on free
// loopback ports with its own user folder (database, encryption key, installed
// community packages), driven through the same REST API the editor uses.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseExecution, type ExecutionResult, type StoredExecution } from './execution.cjs';
import { LogCapture } from './log-capture.cjs';
import { installPackage } from './package-install.cjs';
import { freePorts } from './ports.cjs';
import { SUPERVISOR } from './supervisor.cjs';
import { ensureRuntime, runtimeEnv, type Progress, type Runtime } from './runtime.cjs';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Local throwaway instances only; the `start` CLI prints it so a person can log in. */
export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.test',
	password: 'Harness-Passw0rd',
	firstName: 'Harness',
	lastName: 'Owner',
};

export interface StartOptions {
	/** n8n's N8N_USER_FOLDER. Default: a new temp folder, removed by stop() unless `keep`. */
	userFolder?: string;
	/** HTTP port. Default: a free one. */
	port?: number;
	/** Extra or overriding environment for n8n. */
	env?: Record<string, string>;
	/** Keep the user folder (DB, logs) after stop(). */
	keep?: boolean;
	/** Install this package into the user folder first (needs a prior `npm run build`). Default true. */
	withPackage?: boolean;
	/** An already ensured runtime; default: ensureRuntime(). */
	runtime?: Runtime;
	owner?: Owner;
	/** Bound on the wait for /healthz/readiness. Default 120 s. */
	readyTimeoutMs?: number;
	onProgress?: Progress;
	/**
	 * Which n8n process to run (queue mode): `main` (`n8n start`, the editor/REST API; default),
	 * `webhook` (`n8n webhook`, production webhooks only) or `worker` (`n8n worker`, executes
	 * queued jobs; `port` is then its health server, QUEUE_HEALTH_CHECK_PORT). Only `main` sets
	 * up the owner and has a REST API.
	 */
	role?: N8nRole;
	/** Extra command-line arguments, e.g. `--concurrency=2` for a worker. */
	args?: string[];
}

export type N8nRole = 'main' | 'webhook' | 'worker';

export interface WaitFilter {
	workflowId: string;
	/** Only executions with a larger id (take it from lastExecutionId() before triggering). */
	afterId?: string;
	timeoutMs?: number;
}

interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

const TERMINAL = new Set(['success', 'error', 'canceled', 'crashed']);
const live = new Set<N8nInstance>();

// A test runner that dies (or forgets stop()) must not leave n8n servers behind.
process.once('exit', () => {
	for (const n of live) n.kill();
});

export async function startN8n(opts: StartOptions = {}): Promise<N8nInstance> {
	const progress = opts.onProgress ?? (() => undefined);
	const runtime = opts.runtime ?? (await ensureRuntime({ onProgress: opts.onProgress }));
	const ownsFolder = !opts.userFolder;
	const userFolder = opts.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cc-n8n-'));
	fs.mkdirSync(userFolder, { recursive: true });
	let packageDir: string | undefined;
	if (opts.withPackage ?? true) {
		try {
			const pkg = await installPackage(userFolder, { nodeHome: runtime.nodeHome });
			packageDir = pkg.dir;
			progress(`installed ${pkg.dir} (${pkg.ms} ms)`);
		} catch (e) {
			if (ownsFolder) fs.rmSync(userFolder, { recursive: true, force: true });
			throw e;
		}
	}
	// Free ports are only free until someone binds them: another process may win the race
	// between our probe and n8n's listen. Such a start is retried on new ports.
	for (let attempt = 1; ; attempt++) {
		const [freeHttp, broker] = await freePorts(2);
		const port = opts.port ?? freeHttp;
		const instance = new N8nInstance(
			runtime,
			userFolder,
			port,
			broker,
			opts.owner ?? DEFAULT_OWNER,
			ownsFolder && !opts.keep,
			opts.role ?? 'main',
		);
		instance.packageDir = packageDir;
		try {
			await instance.start(opts.env ?? {}, opts.readyTimeoutMs ?? 120_000, opts.args ?? []);
		} catch (e) {
			const portTaken = /EADDRINUSE|already in use/i.test(instance.logTail());
			await instance.closeLog();
			if (portTaken && !opts.port && attempt < 3) continue;
			throw e;
		}
		progress(`n8n ready at ${instance.url} in ${instance.startMs} ms (log: ${instance.logFile})`);
		return instance;
	}
}

export class N8nInstance {
	readonly url: string;
	readonly logFile: string;
	/** Milliseconds from spawn to ready and owner set up. */
	startMs = 0;
	/** Where this package was installed for n8n (undefined when started withPackage: false). */
	packageDir?: string;
	private child?: ChildProcess;
	private exited?: Promise<void>;
	private log: LogCapture;
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(
		readonly runtime: Runtime,
		readonly userFolder: string,
		readonly port: number,
		readonly brokerPort: number,
		readonly owner: Owner,
		private readonly removeFolder: boolean,
		readonly role: N8nRole = 'main',
	) {
		this.url = `http://127.0.0.1:${port}`;
		this.logFile = path.join(userFolder, role === 'main' ? 'n8n.log' : `n8n-${role}.log`);
		this.log = new LogCapture(this.logFile);
	}

	/** The supervisor's pid (n8n runs as its child, in the same process group). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** The n8n process itself (the supervisor's child), e.g. to kill a worker as a crash would. */
	n8nPid(): number | undefined {
		const pid = this.child?.pid;
		if (!pid) return undefined;
		try {
			const children = fs
				.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
				.trim()
				.split(/\s+/)
				.filter(Boolean);
			return children.length ? Number(children[0]) : undefined;
		} catch {
			return undefined;
		}
	}

	/** Resolves when the supervised process has exited (e.g. after its n8n was killed). */
	async exitedPromise(): Promise<void> {
		await this.exited;
	}

	/** @internal Use startN8n(). */
	async start(
		extraEnv: Record<string, string>,
		readyTimeoutMs: number,
		args: string[] = [],
	): Promise<void> {
		const t0 = Date.now();
		const env = runtimeEnv(this.runtime.nodeHome);
		// Hermetic: no n8n settings leak in from the caller's shell; jest's NODE_ENV=test would
		// switch n8n into its own test mode.
		for (const k of Object.keys(env))
			if (/^(N8N_|DB_|EXECUTIONS_|WEBHOOK_URL$|NODE_ENV$)/.test(k)) delete env[k];
		Object.assign(env, {
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_ENCRYPTION_KEY: this.encryptionKey(),
			// 2.41 name of WEBHOOK_URL (the old one still works but logs a deprecation).
			N8N_WEBHOOK_URL: `${this.url}/`,
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			N8N_LOG_OUTPUT: 'console',
			// A worker answers /healthz/readiness on its own server only when asked to.
			...(this.role === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {}),
			...extraEnv,
		});
		const command = this.role === 'main' ? 'start' : this.role;
		const child = spawn(
			this.runtime.nodeBin,
			['-e', SUPERVISOR, this.runtime.nodeBin, this.runtime.n8nBin, command, ...args],
			{
				cwd: this.userFolder,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
				// Own process group: a forced stop takes n8n's task-runner children with it.
				detached: true,
			},
		);
		this.child = child;
		live.add(this);
		this.log.attach(child.stdout!);
		this.log.attach(child.stderr!);
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		let exit: string | undefined;
		child.once('exit', (code, signal) => (exit = signal ?? String(code)));

		// A failed start keeps the user folder (and its n8n.log) for a post-mortem.
		try {
			const deadline = Date.now() + readyTimeoutMs;
			for (;;) {
				if (exit !== undefined) throw this.failure(`n8n exited (${exit}) before it was ready`);
				if (Date.now() > deadline)
					throw this.failure(`n8n was not ready within ${readyTimeoutMs} ms`);
				try {
					const res = await fetch(`${this.url}/healthz/readiness`, {
						signal: AbortSignal.timeout(2_000),
					});
					if (res.ok) break;
				} catch {
					// not listening yet
				}
				await sleep(250);
			}
			if (this.role === 'main') await this.setupOwner();
		} catch (e) {
			this.kill();
			live.delete(this);
			throw e;
		}
		this.startMs = Date.now() - t0;
	}

	/** The last lines n8n printed, for failure messages. */
	logTail(lines = 60): string {
		return this.log.tail(lines);
	}

	/** Lines of the whole log matching `pattern`, each with the `after` lines that follow it (stack heads). */
	logExcerpt(pattern: RegExp, after = 2, max = 40): string {
		const lines = fs.existsSync(this.logFile)
			? fs.readFileSync(this.logFile, 'utf8').split('\n')
			: [];
		const keep = new Set<number>();
		lines.forEach((l, i) => {
			if (pattern.test(l)) for (let j = i; j <= i + after && j < lines.length; j++) keep.add(j);
		});
		return [...keep]
			.slice(0, max)
			.map((i) => lines[i])
			.join('\n');
	}

	/** Raw HTTP against this instance (webhooks, static routes), carrying the session cookie. */
	async request(
		method: string,
		urlPath: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Response> {
		const res = await fetch(this.url + urlPath, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': this.browserId,
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		this.keepCookie(res);
		return res;
	}

	/**
	 * The editor's REST API (`/rest` + path). Returns the response's `data` envelope
	 * content (n8n wraps most answers in `{ data }`); throws with status and body otherwise.
	 */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const res = await this.request(method, `/rest${urlPath}`, body);
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /rest${urlPath} → ${res.status}: ${errorText(text)}`);
		if (!text) return undefined as T;
		const json = JSON.parse(text) as { data?: T };
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	async createCredential(
		type: string,
		name: string,
		data: Record<string, unknown>,
	): Promise<string> {
		const created = await this.rest<{ id: string }>('POST', '/credentials', { type, name, data });
		return created.id;
	}

	/** Creates a workflow from exported workflow JSON (id, active state and version are dropped). */
	async importWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const { id, active, versionId, activeVersionId, meta, tags, shared, ...rest } = workflow;
		(void id, void active, void versionId, void activeVersionId, void meta, void tags, void shared);
		const created = await this.rest<{ id: string }>('POST', '/workflows', {
			name: 'harness workflow',
			settings: { executionOrder: 'v1' },
			connections: {},
			...rest,
		});
		return created.id;
	}

	/**
	 * Publishes the workflow's current version and waits until its triggers are live:
	 * in 2.41 the activate call returns before webhooks are registered (~0.3 s later).
	 * Throws with each trigger's error if publishing failed (e.g. a trigger's
	 * webhook registration with its service was rejected).
	 */
	async activate(workflowId: string, timeoutMs = 60_000): Promise<void> {
		const wf = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: wf.versionId });
		await this.waitForPublication(workflowId, 'published', timeoutMs);
	}

	async deactivate(workflowId: string, timeoutMs = 60_000): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublication(workflowId, 'not_published', timeoutMs);
	}

	/**
	 * Runs a stored workflow as the editor's "Execute workflow" button does, from its
	 * Manual Trigger (or the named trigger), and waits for the stored result.
	 */
	async runWorkflow(
		workflowId: string,
		opts: { trigger?: string; timeoutMs?: number } = {},
	): Promise<ExecutionResult> {
		let trigger = opts.trigger;
		if (!trigger) {
			const wf = await this.rest<{ nodes: Array<{ name: string; type: string }> }>(
				'GET',
				`/workflows/${workflowId}`,
			);
			trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
			if (!trigger)
				throw new Error(`workflow ${workflowId} has no Manual Trigger; pass opts.trigger`);
		}
		const started = await this.rest<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/workflows/${workflowId}/run`,
			{
				triggerToStartFrom: { name: trigger },
			},
		);
		if (!started.executionId)
			throw new Error(`manual run did not start an execution: ${JSON.stringify(started)}`);
		return await this.waitUntilFinished(started.executionId, opts.timeoutMs ?? 120_000);
	}

	async getExecution(executionId: string): Promise<ExecutionResult> {
		const stored = await this.rest<StoredExecution>('GET', `/executions/${executionId}`);
		return parseExecution(stored, this.runtime.dir);
	}

	/** Newest execution id of a workflow (any status), to pass as `afterId` before triggering it. */
	async lastExecutionId(workflowId: string): Promise<string | undefined> {
		const ids = (await this.listExecutions(workflowId)).map((e) => Number(e.id));
		return ids.length ? String(Math.max(...ids)) : undefined;
	}

	/** Waits for a finished execution of the workflow newer than `afterId` (e.g. one a webhook started). */
	async waitForExecution(filter: WaitFilter): Promise<ExecutionResult> {
		const timeoutMs = filter.timeoutMs ?? 60_000;
		const deadline = Date.now() + timeoutMs;
		const after = filter.afterId === undefined ? -1 : Number(filter.afterId);
		for (;;) {
			const newer = (await this.listExecutions(filter.workflowId)).filter(
				(e) => Number(e.id) > after,
			);
			// Oldest first, so a test that triggers twice sees its executions in order.
			const done = newer
				.filter((e) => TERMINAL.has(e.status))
				.sort((a, b) => Number(a.id) - Number(b.id))[0];
			if (done) return await this.getExecution(done.id);
			if (Date.now() > deadline) {
				throw this.failure(
					`no finished execution of workflow ${filter.workflowId} after id ${filter.afterId ?? '-'} within ${timeoutMs} ms`,
				);
			}
			await sleep(100);
		}
	}

	/** Node type names n8n has loaded (what the editor's node panel offers). */
	async nodeTypes(): Promise<string[]> {
		return (await this.typeFile<Array<{ name: string }>>('nodes')).map((t) => t.name);
	}

	async credentialTypes(): Promise<string[]> {
		return (await this.typeFile<Array<{ name: string }>>('credentials')).map((t) => t.name);
	}

	/** SIGTERM, then SIGKILL to its process group after `graceMs`; removes a temp user folder. */
	async stop(graceMs = 15_000): Promise<void> {
		const child = this.child;
		if (child && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
			if ((await Promise.race([this.exited, timer])) === 'timeout') {
				this.kill();
				await this.exited;
			}
		}
		live.delete(this);
		await this.closeLog();
		if (this.removeFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** @internal */
	async closeLog(): Promise<void> {
		await this.log.close();
	}

	/** @internal Synchronous last resort (process exit, timeouts): the whole process group. */
	kill(): void {
		const pid = this.child?.pid;
		if (!pid || this.child?.exitCode !== null) return;
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}

	/** An Error whose message carries n8n's recent log lines. */
	failure(message: string): Error {
		return new Error(`${message}\n--- n8n log tail (${this.logFile}) ---\n${this.logTail()}`);
	}

	private async waitUntilFinished(
		executionId: string,
		timeoutMs: number,
	): Promise<ExecutionResult> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// A busy n8n can drop a kept-alive connection as it is reused (ECONNRESET): ask again.
			const res = await this.request('GET', `/rest/executions/${executionId}`).catch(
				(error: unknown) => {
					if (Date.now() > deadline) throw error;
					return undefined;
				},
			);
			if (!res) {
				await sleep(250);
				continue;
			}
			if (res.ok) {
				const stored = ((await res.json()) as { data: StoredExecution }).data;
				if (stored.finished || TERMINAL.has(stored.status))
					return parseExecution(stored, this.runtime.dir);
			} else if (res.status !== 404) {
				throw new Error(`GET /rest/executions/${executionId} → ${res.status}: ${await res.text()}`);
			}
			if (Date.now() > deadline)
				throw this.failure(`execution ${executionId} did not finish within ${timeoutMs} ms`);
			await sleep(50);
		}
	}

	private async waitForPublication(
		workflowId: string,
		want: 'published' | 'not_published',
		timeoutMs: number,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await this.request('GET', `/rest/workflows/${workflowId}/publication-status`);
			// Instances run with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false activate synchronously.
			if (res.status === 404) return;
			if (!res.ok) throw new Error(`GET publication-status → ${res.status}: ${await res.text()}`);
			const { data } = (await res.json()) as { data: PublicationStatus };
			if (data.status === want) return;
			if (data.status === 'failed' || data.status === 'partial') {
				const errors = data.triggers
					.filter((t) => t.status === 'failed')
					.map((t) => `${t.nodeId}: ${t.errorMessage}`);
				throw this.failure(
					`publishing workflow ${workflowId} ${data.status}: ${errors.join('; ')}`,
				);
			}
			if (Date.now() > deadline)
				throw this.failure(
					`workflow ${workflowId} still "${data.status}" (wanted "${want}") after ${timeoutMs} ms`,
				);
			await sleep(100);
		}
	}

	private async listExecutions(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: Array<{ id: string; status: string }> }>(
			'GET',
			`/executions?filter=${filter}&limit=50`,
		);
		return page.results;
	}

	private async typeFile<T>(name: 'nodes' | 'credentials'): Promise<T> {
		const res = await this.request('GET', `/types/${name}.json`);
		if (!res.ok) throw new Error(`GET /types/${name}.json → ${res.status}: ${await res.text()}`);
		return (await res.json()) as T;
	}

	/** Owner setup on a fresh folder; a kept folder already has its owner, so log in instead. */
	private async setupOwner(): Promise<void> {
		const res = await this.request('POST', '/rest/owner/setup', this.owner);
		if (!res.ok) {
			const setupError = `${res.status} ${await res.text()}`;
			const login = await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: this.owner.email,
				password: this.owner.password,
			});
			if (!login.ok)
				throw this.failure(
					`owner setup failed (${setupError}) and so did login (${login.status} ${await login.text()})`,
				);
		}
		if (!this.cookie)
			throw this.failure('n8n answered owner setup/login without an n8n-auth cookie');
	}

	/** Random per user folder; a restart of a kept folder must reuse the key its credentials were encrypted with. */
	private encryptionKey(): string {
		try {
			const config = JSON.parse(
				fs.readFileSync(path.join(this.userFolder, '.n8n', 'config'), 'utf8'),
			) as { encryptionKey?: string };
			if (config.encryptionKey) return config.encryptionKey;
		} catch {
			// fresh folder
		}
		return randomBytes(24).toString('hex');
	}

	private keepCookie(res: Response): void {
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			if (pair.startsWith('n8n-auth=') && pair.length > 'n8n-auth='.length) this.cookie = pair;
		}
	}
}

/** n8n's error body without its server-side stack trace, which drowns the message. */
function errorText(body: string): string {
	try {
		const { stacktrace, ...rest } = JSON.parse(body) as Record<string, unknown>;
		void stacktrace;
		return JSON.stringify(rest).slice(0, 2000);
	} catch {
		return body.slice(0, 2000);
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}
