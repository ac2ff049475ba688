// `npm run demo`: the package working end to end in a real n8n, against the local sandbox.
// Starts the sandbox and n8n (installed into the user cache on first use), creates the three
// credentials, imports workflows/issue-resume-wallet.json and runs it while the sandbox plays
// the holder accepting the SEEK Pass link, then prints what each step produced.
// `--keep-open` leaves both running for the editor; Ctrl+C stops them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExecutionResult, Json, N8nInstance } from '../test/harness/index.cjs';
import { startN8n, ensureRuntime, freePort, DEFAULT_OWNER } from '../test/harness/index.cjs';
import type { Sandbox } from '../sandbox/index.cjs';
import { startSandbox } from '../sandbox/index.cjs';

const root = path.resolve(__dirname, '..');
const WORKFLOW_FILE = path.join(root, 'workflows', 'issue-resume-wallet.json');
const HOLDER_DELAY_MS = 3000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => say(`  … ${line}`);

class StepError extends Error {
	constructor(
		readonly step: string,
		cause: unknown,
	) {
		super(cause instanceof Error ? cause.message : String(cause));
	}
}

async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
	say(`▶ ${name}`);
	try {
		const value = await run();
		say(`  ✓ ${name} (${elapsed()})`);
		return value;
	} catch (error) {
		throw new StepError(name, error);
	}
}

async function portOr(preferred: number): Promise<number> {
	const free = await freePort();
	const probe = await fetch(`http://127.0.0.1:${preferred}/`).then(
		() => false,
		() => true,
	);
	return probe ? preferred : free;
}

function build(): void {
	const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error('npm run build failed (see above)');
}

/** The sandbox plays the holder: once the Add-to-SEEK-Pass request exists, accept it. */
async function playHolder(sb: Sandbox, stop: { done: boolean }): Promise<string | undefined> {
	for (let i = 0; i < 600 && !stop.done; i++) {
		const state = (await (await fetch(`${sb.urls.control}/seekpass/submissions`)).json()) as {
			requests: Array<{ content: string; ids: string[]; status: string }>;
		};
		const pending = state.requests.find((r) => r.status === 'incomplete');
		if (pending) {
			await new Promise((r) => setTimeout(r, HOLDER_DELAY_MS));
			const response = await fetch(`${sb.urls.control}/seekpass/submissions/${encodeURIComponent(pending.content)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'verified' }),
			});
			if (!response.ok) throw new Error(`the sandbox refused the holder's acceptance: ${response.status}`);
			return pending.ids[0];
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return undefined;
}

function workflowWithCredentials(credentials: Record<string, { id: string; name: string }>): Json {
	const workflow = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8')) as { nodes: Array<{ credentials?: Record<string, unknown> }> };
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = credentials[type];
	}
	return workflow as unknown as Json;
}

function first(execution: ExecutionResult, node: string): Json {
	const run = execution.nodes[node];
	if (!run) throw new Error(`"${node}" did not run`);
	if (run.error) throw new Error(`"${node}" failed: ${String(run.error.message ?? JSON.stringify(run.error))}`);
	const item = run.items.flat()[0];
	if (!item) throw new Error(`"${node}" produced no item`);
	return item;
}

function report(execution: ExecutionResult): void {
	const issued = first(execution, 'Issue certificate');
	const pushed = first(execution, 'Push to SmartResume');
	const added = first(execution, 'Add to SEEK Pass');
	const summary = first(execution, 'Summary');
	const recipient = issued.recipient as Json;
	const group = (issued.group ?? {}) as Json;
	say('');
	say('Report');
	say(`  1. Certifier issued "${String(group.name ?? issued.groupId)}" to ${String(recipient.name)} <${String(recipient.email)}>`);
	say(`     credential ${String(issued.id)}, status ${String(issued.status)}, issued ${String(issued.issueDate)}`);
	say(`  2. SmartResume received it; claim link for the holder:`);
	say(`     ${String(pushed.claimUrl)}`);
	say(`  3. SEEK Pass "Add to SEEK Pass" link (submission ${String(added.submissionId)}):`);
	say(`     ${String(added.redirectUri)}`);
	say(`  4. SEEK Pass status after ${execution.nodes['Check status']?.runs ?? 0} check(s): ${String(summary.seekPassStatus)}` +
		(summary.finalizedAt ? ` at ${String(summary.finalizedAt)}` : ''));
	say(`  Execution ${execution.id}: ${execution.status}; elapsed ${elapsed()}`);
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { 'keep-open': { type: 'boolean' } } });
	const keepOpen = Boolean(values['keep-open']);
	let sb: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	const holder = { done: false };
	const shutdown = async () => {
		holder.done = true;
		await n8n?.stop().catch(() => undefined);
		await sb?.close().catch(() => undefined);
	};
	try {
		say('Career credentials demo: Certifier → SmartResume → SEEK Pass in a real n8n, against the local sandbox\n');
		await step('Build the package', build);
		sb = await step('Start the sandbox', async () => await startSandbox({ port: await portOr(4780) }));
		say(`  sandbox ${sb.origin} (SEEK Pass ${sb.urls.seekPass}, SmartResume ${sb.urls.smartResume}, Certifier ${sb.urls.certifier})`);
		const runtime = await step('Install or reuse n8n (first run: a few minutes)', async () => await ensureRuntime({ onProgress: progress }));
		n8n = await step('Start n8n with the package installed as users install it', async () =>
			await startN8n({ runtime, port: keepOpen ? await portOr(5678) : undefined, onProgress: progress }),
		);
		const server = n8n;
		const sandbox = sb;
		const credentials = await step('Create credentials pointing at the sandbox', async () => ({
			certifierApi: {
				id: await server.createCredential('certifierApi', 'Certifier account', {
					accessToken: sandbox.demo.certifier.accessToken,
					apiVersion: sandbox.demo.certifier.version,
					baseUrl: sandbox.urls.certifier,
				}),
				name: 'Certifier account',
			},
			smartResumeOAuth2Api: {
				id: await server.createCredential('smartResumeOAuth2Api', 'SmartResume account', {
					environment: 'custom',
					customBaseUrl: sandbox.urls.smartResume,
					clientId: sandbox.demo.smartResume.clientId,
					clientSecret: sandbox.demo.smartResume.accessKey,
				}),
				name: 'SmartResume account',
			},
			seekPassOAuth2Api: {
				id: await server.createCredential('seekPassOAuth2Api', 'SEEK Pass account', {
					environment: 'custom',
					customBaseUrl: sandbox.urls.seekPass,
					clientId: sandbox.demo.seekPass.clientId,
					clientSecret: sandbox.demo.seekPass.clientSecret,
				}),
				name: 'SEEK Pass account',
			},
		}));
		const workflowId = await step('Import workflows/issue-resume-wallet.json', async () =>
			await server.importWorkflow(workflowWithCredentials(credentials)),
		);
		const execution = await step('Run it (the sandbox plays the holder accepting the SEEK Pass link)', async () => {
			// Settled at once so a failure of the holder cannot become an unhandled rejection.
			const accepting = playHolder(sandbox, holder).then(
				(id) => ({ id, error: undefined }),
				(error: unknown) => ({ id: undefined, error }),
			);
			const result = await server.runWorkflow(workflowId, { timeoutMs: 180_000 });
			holder.done = true;
			const accepted = await accepting;
			if (accepted.error) throw accepted.error;
			if (accepted.id) progress(`holder accepted submission ${accepted.id}`);
			if (result.status !== 'success') {
				throw new Error(`execution ${result.id} ended "${result.status}": ${JSON.stringify(result.error ?? {}).slice(0, 500)}`);
			}
			return result;
		});
		report(execution);
		if (first(execution, 'Summary').seekPassStatus !== 'verified') throw new StepError('Final status', 'the holder did not verify in time');
		if (keepOpen) {
			say('\nStill running (Ctrl+C stops both):');
			say(`  n8n editor  ${server.url}/workflow/${workflowId}   login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
			say(`  sandbox     ${sandbox.origin}/_control/state`);
			await new Promise<void>((resolve) => {
				process.once('SIGINT', () => resolve());
				process.once('SIGTERM', () => resolve());
			});
		} else {
			say('\nTo open the same flow in the n8n editor: npm run demo -- --keep-open');
		}
		await shutdown();
		say(`\nDemo succeeded in ${elapsed()}.`);
	} catch (error) {
		await shutdown();
		const where = error instanceof StepError ? error.step : 'demo';
		say(`\n✗ Demo failed at "${where}": ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}

void main();
