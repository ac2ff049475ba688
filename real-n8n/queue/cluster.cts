// n8n in queue mode on one machine: Redis + PostgreSQL (services.cts), a main process (editor,
// REST API, trigger activation), one webhook processor (production webhooks) and N workers,
// all sharing the database, the Bull queue in Redis and ONE encryption key. Each process has
// its own user folder with this package installed as users install it (n8n loads community
// nodes from <N8N_USER_FOLDER>/.n8n/nodes in every process; nothing is shared on disk).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startN8n, type N8nInstance } from '../n8n-instance.cjs';
import { freePorts } from '../ports.cjs';
import { ensureRuntime, type Runtime } from '../runtime.cjs';
import {
	ensureQueueServices,
	startPostgres,
	startRedis,
	type Postgres,
	type Service,
} from './services.cjs';

export interface ClusterOptions {
	workers?: number;
	/** `n8n worker --concurrency`; n8n warns below 5 but honours it. */
	workerConcurrency?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
	progress?: (m: string) => void;
}

export interface QueueCluster {
	redis: Service;
	postgres: Postgres;
	main: N8nInstance;
	webhook: N8nInstance;
	workers: N8nInstance[];
	/** The environment every n8n process shares (secrets included: never print it). */
	sharedEnv: Record<string, string>;
	/** Stops the main process and starts it again on the same port, folder and database. */
	restartMain(): Promise<N8nInstance>;
	/** Starts a replacement worker (e.g. after one was killed). */
	addWorker(): Promise<N8nInstance>;
	stop(): Promise<void>;
}

export async function startQueueCluster(opts: ClusterOptions = {}): Promise<QueueCluster> {
	const progress = opts.progress ?? ((m: string) => console.log(`[queue] ${m}`));
	const runtime: Runtime = await ensureRuntime({ onProgress: progress });
	await ensureQueueServices(progress);
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-queue-'));
	const started: Array<{ stop(): Promise<void> }> = [];
	try {
		const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		started.push(postgres, redis);
		progress(`redis on ${redis.port}, postgres on ${postgres.port}`);
		const [mainPort, webhookPort] = await freePorts(2);
		const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
		const sharedEnv: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Production webhook URLs (what triggers register at the vendors) point at the webhook processor.
			N8N_WEBHOOK_URL: webhookUrl,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
			// Manual ("Execute workflow") runs go to the workers too (n8n 3's only behaviour).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// A killed worker's job is noticed within seconds instead of a minute.
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			...opts.env,
		};
		const folder = (name: string) => {
			const dir = path.join(root, name);
			fs.mkdirSync(dir, { recursive: true });
			return dir;
		};
		const startMain = async (withPackage: boolean) =>
			await startN8n({
				runtime,
				role: 'main',
				port: mainPort,
				userFolder: folder('main'),
				env: sharedEnv,
				withPackage,
				onProgress: progress,
			});
		let workerCount = 0;
		const startWorker = async () => {
			const n = ++workerCount;
			return await startN8n({
				runtime,
				role: 'worker',
				userFolder: folder(`worker-${n}`),
				env: sharedEnv,
				args: [`--concurrency=${opts.workerConcurrency ?? 5}`],
				onProgress: progress,
			});
		};
		// Main first: it runs the database migrations the others wait for.
		let main = await startMain(true);
		started.push({ stop: () => main.stop() });
		const webhook = await startN8n({
			runtime,
			role: 'webhook',
			port: webhookPort,
			userFolder: folder('webhook'),
			env: sharedEnv,
			onProgress: progress,
		});
		started.push(webhook);
		const workers: N8nInstance[] = [];
		for (let i = 0; i < (opts.workers ?? 2); i++) {
			const w = await startWorker();
			workers.push(w);
			started.push({ stop: () => w.stop() });
		}
		const cluster: QueueCluster = {
			redis,
			postgres,
			get main() {
				return main;
			},
			webhook,
			workers,
			sharedEnv,
			async restartMain() {
				await main.stop();
				main = await startMain(false);
				return main;
			},
			async addWorker() {
				const w = await startWorker();
				workers.push(w);
				started.push({ stop: () => w.stop() });
				return w;
			},
			async stop() {
				await stopAll(started);
				fs.rmSync(root, { recursive: true, force: true });
			},
		};
		return cluster;
	} catch (e) {
		await stopAll(started);
		throw e;
	}
}

async function stopAll(started: Array<{ stop(): Promise<void> }>): Promise<void> {
	// n8n processes first (newest first), the database and Redis last.
	const n8n = started.slice(2).reverse();
	await Promise.allSettled(n8n.map((s) => s.stop()));
	await Promise.allSettled(started.slice(0, 2).map((s) => s.stop()));
}
