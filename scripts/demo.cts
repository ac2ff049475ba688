// `npm run demo`: the package working end to end in a real n8n, against the local sandbox.
// Starts the sandbox, a local SMTP sink and n8n (installed into the user cache on first use),
// creates the four credentials and the data table "SEEK Pass submissions", imports
// workflows/issue-resume-wallet.json and workflows/seek-pass-status-sweep.json, runs the first, lets
// the holder accept the SEEK Pass link from the email, runs the sweep once ("Run now"), then prints
// what each step produced: the row going from pending to verified and the notice the sweep sent.
// `--keep-open` leaves both running for the editor; Ctrl+C stops them.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type {
	DataTableRow,
	ExecutionResult,
	Json,
	MailSink,
	N8nInstance,
	ReceivedMail,
} from '../real-n8n/index.cjs';
import {
	createSandboxCredentials,
	DataTables,
	DEFAULT_OWNER,
	ensureRuntime,
	freePort,
	startMailSink,
	startN8n,
	SUBMISSIONS_TABLE,
	workflowFromFile,
} from '../real-n8n/index.cjs';
import type { Sandbox } from '../sandbox/index.cjs';
import { startSandbox } from '../sandbox/index.cjs';

const root = path.resolve(__dirname, '..');
const ISSUE_FILE = path.join(root, 'workflows', 'issue-resume-wallet.json');
const SWEEP_FILE = path.join(root, 'workflows', 'seek-pass-status-sweep.json');
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
	const result = spawnSync('npm', ['run', 'build', '--silent'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0) throw new Error('npm run build failed (see above)');
}

const SEEK_PASS_LINK = /https?:\/\/\S+\/partner\/add\/\S+/;

/**
 * The holder: reads the email n8n sent, takes the Add-to-SEEK-Pass link from it and, a moment
 * later, accepts that request (the sandbox's control route stands in for the SEEK Pass app).
 */
async function playHolder(
	sb: Sandbox,
	sink: MailSink,
	stop: { done: boolean },
): Promise<{ mail: ReceivedMail; link: string } | undefined> {
	for (let i = 0; i < 600 && !stop.done; i++) {
		const mail = sink.messages().find((m) => SEEK_PASS_LINK.test(m.text));
		if (mail) {
			const link = SEEK_PASS_LINK.exec(mail.text)![0];
			const content = new URLSearchParams(new URL(link).hash.slice(1)).get('content');
			if (!content) throw new Error(`the emailed link has no content id: ${link}`);
			await new Promise((r) => setTimeout(r, HOLDER_DELAY_MS));
			const response = await fetch(
				`${sb.urls.control}/seekpass/submissions/${encodeURIComponent(content)}`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ status: 'verified' }),
				},
			);
			if (!response.ok)
				throw new Error(`the sandbox refused the holder's acceptance: ${response.status}`);
			return { mail, link };
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return undefined;
}

function first(execution: ExecutionResult, node: string): Json {
	const run = execution.nodes[node];
	if (!run) throw new Error(`"${node}" did not run`);
	if (run.error)
		throw new Error(`"${node}" failed: ${String(run.error.message ?? JSON.stringify(run.error))}`);
	const item = run.items.flat()[0];
	if (!item) throw new Error(`"${node}" produced no item`);
	return item;
}

interface Outcome {
	issue: ExecutionResult;
	mail: ReceivedMail | undefined;
	before: DataTableRow | undefined;
	sweep: ExecutionResult;
	after: DataTableRow | undefined;
	notice: ReceivedMail | undefined;
	statusRequests: number;
}

function printMail(mail: ReceivedMail): void {
	say(`     From: ${mail.from}   To: ${mail.to.join(', ')}`);
	say(`     Subject: ${mail.subject}`);
	for (const line of mail.text.trim().split('\n')) say(`     | ${line}`);
}

const rowLine = (row: DataTableRow | undefined) =>
	row
		? `status ${String(row.status)}, sent ${String(row.sentAt)}, checked ${String(row.checkedAt ?? '-')}, notified ${String(row.notifiedAt ?? '-')}`
		: '(no row)';

function report(o: Outcome): void {
	const issued = first(o.issue, 'Issue certificate');
	const pushed = first(o.issue, 'Push to SmartResume');
	const added = first(o.issue, 'Add to SEEK Pass');
	const recipient = issued.recipient as Json;
	const group = (issued.group ?? {}) as Json;
	say('');
	say('Report');
	say(
		`  1. Certifier issued "${String(group.name ?? issued.groupId)}" to ${String(recipient.name)} <${String(recipient.email)}>`,
	);
	say(
		`     credential ${String(issued.id)}, status ${String(issued.status)}, issued ${String(issued.issueDate)}`,
	);
	say(`  2. SmartResume received it; claim link for the holder:`);
	say(`     ${String(pushed.claimUrl)}`);
	say(`  3. SEEK Pass "Add to SEEK Pass" link (submission ${String(added.submissionId)}):`);
	say(`     ${String(added.redirectUri)}`);
	say(`  4. Email to the holder as received by the local SMTP sink:`);
	if (o.mail) {
		printMail(o.mail);
		say(
			`     the link in it ${o.mail.text.includes(String(added.redirectUri)) ? 'is' : 'is NOT'} the link SEEK Pass returned`,
		);
	} else {
		say('     (no email arrived)');
	}
	say(
		`  5. Data table "${SUBMISSIONS_TABLE.name}", row of submission ${String(added.submissionId)}:`,
	);
	say(`     after the issue run:  ${rowLine(o.before)}`);
	say(`     after the sweep:      ${rowLine(o.after)}`);
	say(`     the sweep asked SEEK Pass ${o.statusRequests} time(s) (30 submissions per request)`);
	say(`  6. The sweep's notice, as received by the SMTP sink:`);
	if (o.notice) printMail(o.notice);
	else say('     (no notice arrived)');
	say(
		`  Executions ${o.issue.id} (issue) and ${o.sweep.id} (sweep): ${o.issue.status}, ${o.sweep.status}; elapsed ${elapsed()}`,
	);
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { 'keep-open': { type: 'boolean' } } });
	const keepOpen = Boolean(values['keep-open']);
	let sb: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	let sink: MailSink | undefined;
	const holder = { done: false };
	const shutdown = async () => {
		holder.done = true;
		await n8n?.stop().catch(() => undefined);
		await sb?.close().catch(() => undefined);
		await sink?.close().catch(() => undefined);
	};
	try {
		say(
			'Career credentials demo: Certifier → SmartResume → SEEK Pass, then the SEEK Pass status sweep, in a real n8n against the local sandbox\n',
		);
		await step('Build the package', build);
		sb = await step(
			'Start the sandbox',
			async () => await startSandbox({ port: await portOr(4780) }),
		);
		say(
			`  sandbox ${sb.origin} (SEEK Pass ${sb.urls.seekPass}, SmartResume ${sb.urls.smartResume}, Certifier ${sb.urls.certifier})`,
		);
		sink = await step('Start the local SMTP sink', startMailSink);
		say(`  SMTP ${sink.host}:${sink.port} (no TLS, no auth)`);
		const runtime = await step(
			'Install or reuse n8n (first run: a few minutes)',
			async () => await ensureRuntime({ onProgress: progress }),
		);
		n8n = await step(
			'Start n8n with the package installed as users install it',
			async () =>
				await startN8n({
					runtime,
					port: keepOpen ? await portOr(5678) : undefined,
					onProgress: progress,
				}),
		);
		const server = n8n;
		const sandbox = sb;
		const mailSink = sink;
		const credentials = await step(
			'Create credentials pointing at the sandbox and the SMTP sink',
			async () => await createSandboxCredentials(server, sandbox, mailSink),
		);
		const tables = new DataTables(server);
		const tableId = await step(
			`Create the data table "${SUBMISSIONS_TABLE.name}" (n8n's REST API, as Data tables → Create would)`,
			async () => await tables.create(SUBMISSIONS_TABLE.name, SUBMISSIONS_TABLE.columns),
		);
		const [issueId, sweepId] = await step(
			'Import workflows/issue-resume-wallet.json and workflows/seek-pass-status-sweep.json',
			async () => [
				await server.importWorkflow(workflowFromFile(ISSUE_FILE, credentials)),
				await server.importWorkflow(workflowFromFile(SWEEP_FILE, credentials)),
			],
		);
		const { issue, mail, before } = await step(
			'Run the issue workflow (the holder then accepts the SEEK Pass link from the email)',
			async () => {
				// Settled at once so a failure of the holder cannot become an unhandled rejection.
				const accepting = playHolder(sandbox, mailSink, holder).then(
					(got) => ({ got, error: undefined }),
					(error: unknown) => ({ got: undefined, error }),
				);
				const result = await server.runWorkflow(issueId, { timeoutMs: 180_000 });
				if (result.status !== 'success') {
					holder.done = true;
					throw new Error(
						`execution ${result.id} ended "${result.status}": ${JSON.stringify(result.error ?? {}).slice(0, 500)}`,
					);
				}
				const [row] = await tables.rows(tableId);
				progress(
					`recorded submission ${String(row?.submissionId)} as ${String(row?.status)}; nothing waits for the holder`,
				);
				const accepted = await accepting;
				if (accepted.error) throw accepted.error;
				if (!accepted.got) throw new Error('no email with a SEEK Pass link reached the SMTP sink');
				progress(
					`holder opened the email to ${accepted.got.mail.to.join(', ')} and accepted the link`,
				);
				return { issue: result, mail: accepted.got.mail, before: row };
			},
		);
		const { sweep, after, notice, statusRequests } = await step(
			'Run the status sweep once ("Run now"; scheduled hourly once active)',
			async () => {
				sandbox.clearRequests();
				const seen = mailSink.messages().length;
				const result = await server.runWorkflow(sweepId, {
					trigger: 'Run now',
					timeoutMs: 180_000,
				});
				if (result.status !== 'success') {
					throw new Error(
						`execution ${result.id} ended "${result.status}": ${JSON.stringify(result.error ?? {}).slice(0, 500)}`,
					);
				}
				const [row] = await tables.rows(tableId);
				const notices = await mailSink.waitFor(seen + 1, undefined, 30_000);
				return {
					sweep: result,
					after: row,
					notice: notices[seen],
					statusRequests: sandbox.requests({
						service: 'seekPass',
						pathIncludes: '/submissions/status.json',
					}).length,
				};
			},
		);
		report({ issue, mail, before, sweep, after, notice, statusRequests });
		if (after?.status !== 'verified')
			throw new StepError('Final status', `the row is "${String(after?.status)}", not verified`);
		if (!after.notifiedAt || !notice) throw new StepError('Notice', 'the sweep sent no notice');
		if (keepOpen) {
			say('\nStill running (Ctrl+C stops both):');
			say(
				`  n8n editor  ${server.url}/workflow/${issueId} (issue), ${server.url}/workflow/${sweepId} (sweep)   login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
			);
			say(`  sandbox     ${sandbox.origin}/_control/state`);
			await new Promise<void>((resolve) => {
				process.once('SIGINT', () => resolve());
				process.once('SIGTERM', () => resolve());
			});
		} else {
			say(
				'\nTo open both workflows and the data table in the n8n editor: npm run demo -- --keep-open',
			);
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
