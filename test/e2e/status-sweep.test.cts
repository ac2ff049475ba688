// Issue 17 in a real n8n: workflows/issue-resume-wallet.json records each submission in the data
// table "SEEK Pass submissions" and workflows/seek-pass-status-sweep.json keeps the rows up to date
// from SEEK Pass (30 IDs per status request) and sends each notice once. The table is created
// through n8n's REST API as a person would create it, and recreated empty before each test.
import * as path from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import {
	createSandboxCredentials,
	type CredentialRefs,
	type DataTableRow,
	DataTables,
	type ExecutionResult,
	type MailSink,
	type N8nInstance,
	startMailSink,
	startN8n,
	SUBMISSIONS_TABLE,
	workflowFromFile,
} from '../../real-n8n/index.cjs';

const file = (name: string) => path.join(__dirname, '../../workflows', name);
const HOUR = 3_600_000;
const STATUS_PATH = '/api/partner/v1/submissions/status.json';
// The addresses in the sweep's Settings node.
const ORGANISATION = 'registrar@demo-academy.example';
const STAFF = 'credentials-team@demo-academy.example';

let sb: Sandbox;
let sink: MailSink;
let n8n: N8nInstance;
let credentials: CredentialRefs;
let tables: DataTables;
let tableId: string;
let sweepId: string;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	sink = await startMailSink();
	n8n = await startN8n();
	credentials = await createSandboxCredentials(n8n, sb, sink);
	tables = new DataTables(n8n);
	sweepId = await n8n.importWorkflow(
		workflowFromFile(file('seek-pass-status-sweep.json'), credentials),
	);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
	await sink?.close();
});

beforeEach(async () => {
	// The workflows find the table by name, so a new empty table of that name is all they need.
	if (tableId) await tables.remove(tableId);
	tableId = await tables.create(SUBMISSIONS_TABLE.name, SUBMISSIONS_TABLE.columns);
	sb.setSwitches({ faultRate: 0 });
	sink.refuse(undefined);
	sb.clearRequests();
	sink.clear();
});

const control = async (method: string, p: string, body?: unknown): Promise<any> => {
	const res = await fetch(`${sb.urls.control}${p}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} /_control${p}: ${res.status} ${await res.text()}`);
	return await res.json();
};

/** The holder's answer in the SEEK Pass app (the sandbox's control route stands in for it). */
const holderAnswers = async (submissionId: string, status: 'verified' | 'canceled') =>
	await control('POST', `/seekpass/submissions/${encodeURIComponent(submissionId)}`, { status });

/** Add-to-SEEK-Pass requests made directly with SEEK Pass's API, as an earlier issue run would have made them. */
async function addSubmissions(ids: string[]): Promise<Map<string, string>> {
	const tokenRes = await fetch(`${sb.urls.seekPass}/api/partner/v1/oauth/token.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sb.demo.seekPass.clientId,
			client_secret: sb.demo.seekPass.clientSecret,
		}),
	});
	const { access_token: token } = (await tokenRes.json()) as { access_token: string };
	const links = new Map<string, string>();
	const queue = [...ids];
	const worker = async () => {
		for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
			const res = await fetch(`${sb.urls.seekPass}/api/partner/v1/add/microcredential.json`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					id,
					credential_type: 'microcredential',
					document_type: 'none',
					data: {
						credential: {
							full_name: `Holder ${id}`,
							issuer_name: 'Demo Academy',
							microcredential_name: 'Data Science',
							issue_date: '2026-01-15',
						},
					},
				}),
			});
			if (res.status !== 201) throw new Error(`add ${id}: ${res.status} ${await res.text()}`);
			links.set(id, ((await res.json()) as { redirect_uri: string }).redirect_uri);
		}
	};
	await Promise.all(Array.from({ length: 16 }, worker));
	return links;
}

interface Seed {
	id: string;
	sentHoursAgo: number;
	answer?: 'verified' | 'canceled';
}
const holderEmail = (id: string) => `${id}@holders.example`;

/** SEEK Pass requests for `seeds`, the holders' answers, and one pending row each, sent `sentHoursAgo`. */
async function seed(seeds: Seed[]): Promise<void> {
	const links = await addSubmissions(seeds.map((s) => s.id));
	for (const s of seeds) if (s.answer) await holderAnswers(s.id, s.answer);
	const now = Date.now();
	await tables.insert(
		tableId,
		seeds.map((s) => ({
			submissionId: s.id,
			holderName: `Holder ${s.id}`,
			holderEmail: holderEmail(s.id),
			seekPassLink: links.get(s.id)!,
			smartResumeLink: `https://smartresume.example/claim/${s.id}`,
			status: 'pending',
			sentAt: new Date(now - s.sentHoursAgo * HOUR).toISOString(),
		})),
	);
	sb.clearRequests();
}

async function sweep(timeoutMs = 600_000): Promise<{ execution: ExecutionResult; ms: number }> {
	const t0 = Date.now();
	const execution = await n8n.runWorkflow(sweepId, { trigger: 'Run now', timeoutMs });
	return { execution, ms: Date.now() - t0 };
}

const statusRequests = () =>
	sb.requests({ service: 'seekPass', method: 'POST', pathIncludes: STATUS_PATH });
const askedIds = () => statusRequests().flatMap((r) => (r.body as { ids: string[] }).ids);
const rowsById = async (): Promise<Map<string, DataTableRow>> =>
	new Map((await tables.rows(tableId)).map((r) => [String(r.submissionId), r]));
/** Emails received, as "recipient|subject" keys counted. */
const mailCounts = (): Map<string, number> => {
	const counts = new Map<string, number>();
	for (const m of sink.messages()) {
		const key = `${m.to.join(',')}|${m.subject}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
};
const acceptedKey = (id: string) =>
	`${ORGANISATION}|Holder ${id} added their certificate to SEEK Pass`;
const reminderKey = (id: string) =>
	`${holderEmail(id)}|Reminder: add your certificate to SEEK Pass`;
const expiredKey = (id: string) => `${STAFF}|SEEK Pass request for Holder ${id} expired`;
const report = (line: string) => process.stdout.write(`[status sweep] ${line}\n`);

describe('Issue → resume → wallet, then the status sweep', () => {
	test('the issue run records a pending row; after the holder accepts, one sweep marks it verified and tells the organisation once', async () => {
		const issueId = await n8n.importWorkflow(
			workflowFromFile(file('issue-resume-wallet.json'), credentials),
		);
		const issued = await n8n.runWorkflow(issueId);
		expect(issued.status).toBe('success');
		const added = issued.nodes['Add to SEEK Pass'].items[0][0];
		const pushed = issued.nodes['Push to SmartResume'].items[0][0];
		// Nothing in the issue run waits for SEEK Pass: it asked no status.
		expect(statusRequests()).toHaveLength(0);

		const [mail] = await sink.waitFor(1);
		expect(mail.to).toEqual(['ada@example.org']);
		expect(mail.text).toContain(String(added.redirectUri));
		const [row] = await tables.rows(tableId);
		expect(row).toMatchObject({
			submissionId: added.submissionId,
			holderName: 'Ada Lovelace',
			holderEmail: 'ada@example.org',
			seekPassLink: added.redirectUri,
			smartResumeLink: pushed.claimUrl,
			status: 'pending',
			checkedAt: null,
			notifiedAt: null,
		});
		expect(Date.now() - Date.parse(String(row.sentAt))).toBeLessThan(10 * 60_000);
		expect(issued.nodes.Summary.items[0][0]).toMatchObject({
			seekPassSubmissionId: added.submissionId,
			recordedStatus: 'pending',
			emailedTo: 'ada@example.org',
		});

		// The holder opens the email and accepts the link in it.
		const content = new URLSearchParams(new URL(String(added.redirectUri)).hash.slice(1)).get(
			'content',
		);
		await holderAnswers(String(content), 'verified');
		sink.clear();

		const { execution } = await sweep();
		expect(execution.status).toBe('success');
		expect(statusRequests().map((r) => (r.body as { ids: string[] }).ids)).toEqual([
			[added.submissionId],
		]);
		const [after] = await tables.rows(tableId);
		expect(after).toMatchObject({ id: row.id, status: 'verified', remindedAt: null });
		expect(after.checkedAt).not.toBeNull();
		expect(after.notifiedAt).not.toBeNull();
		const [notice] = await sink.waitFor(1);
		expect(notice.to).toEqual([ORGANISATION]);
		expect(notice.subject).toBe('Ada Lovelace added their certificate to SEEK Pass');
		expect(notice.text).toContain(String(added.submissionId));

		// The row is closed: the next sweep neither asks SEEK Pass about it nor sends anything.
		sb.clearRequests();
		const again = await sweep();
		expect(again.execution.status).toBe('success');
		expect(statusRequests()).toHaveLength(0);
		expect(sink.messages()).toHaveLength(1);

		// The shipped file can be published as it is: its hourly Schedule Trigger is accepted.
		await n8n.activate(sweepId);
		await n8n.deactivate(sweepId);
	}, 240_000);
});

describe('SEEK Pass status sweep', () => {
	test('1,000 pending rows: 34 status requests, every row updated, one email per state change; a second sweep sends none', async () => {
		const seeds: Seed[] = Array.from({ length: 1000 }, (_, i) => {
			const id = `sweep-${String(i).padStart(4, '0')}`;
			if (i < 100) return { id, sentHoursAgo: 2, answer: 'verified' as const };
			if (i < 150) return { id, sentHoursAgo: 3, answer: 'canceled' as const };
			if (i < 200) return { id, sentHoursAgo: 49 };
			if (i < 300) return { id, sentHoursAgo: 25 };
			return { id, sentHoursAgo: 1 };
		});
		await seed(seeds);

		const first = await sweep();
		expect(first.execution.status).toBe('success');
		const requests = statusRequests();
		expect(requests).toHaveLength(Math.ceil(1000 / 30));
		expect(
			requests.every((r) => r.status === 200 && (r.body as { ids: string[] }).ids.length <= 30),
		).toBe(true);
		expect([...new Set(askedIds())].sort()).toEqual(seeds.map((s) => s.id).sort());
		expect(askedIds()).toHaveLength(1000);

		const rows = await rowsById();
		expect(rows.size).toBe(1000);
		for (const [i, s] of seeds.entries()) {
			const row = rows.get(s.id)!;
			expect(row.checkedAt).not.toBeNull();
			const want =
				i < 100
					? { status: 'verified', notified: true, reminded: false }
					: i < 200
						? { status: 'expired', notified: true, reminded: false }
						: i < 300
							? { status: 'pending', notified: false, reminded: true }
							: { status: 'pending', notified: false, reminded: false };
			expect({
				id: s.id,
				status: row.status,
				notified: row.notifiedAt !== null,
				reminded: row.remindedAt !== null,
			}).toEqual({ id: s.id, ...want });
		}

		const mails = await sink.waitFor(300, undefined, 60_000);
		expect(mails).toHaveLength(300);
		const expected = new Map<string, number>();
		for (const [i, s] of seeds.entries()) {
			if (i < 100) expected.set(acceptedKey(s.id), 1);
			else if (i < 200) expected.set(expiredKey(s.id), 1);
			else if (i < 300) expected.set(reminderKey(s.id), 1);
		}
		expect(mailCounts()).toEqual(expected);
		const reminder = mails.find((m) => m.to[0] === holderEmail('sweep-0200'))!;
		expect(reminder.text).toContain(rows.get('sweep-0200')!.seekPassLink as string);

		sb.clearRequests();
		sink.clear();
		const second = await sweep();
		expect(second.execution.status).toBe('success');
		// The 800 still-pending rows (100 of them reminded) stay open; every notice went out already.
		expect(statusRequests()).toHaveLength(Math.ceil(800 / 30));
		expect(sink.messages()).toEqual([]);
		const unchanged = await rowsById();
		for (const [id, row] of rows)
			expect({
				id,
				status: unchanged.get(id)!.status,
				notifiedAt: unchanged.get(id)!.notifiedAt,
				remindedAt: unchanged.get(id)!.remindedAt,
			}).toEqual({
				id,
				status: row.status,
				notifiedAt: row.notifiedAt,
				remindedAt: row.remindedAt,
			});
		report(
			`1,000 rows: first sweep ${first.ms} ms, ${requests.length} status requests, 300 emails; second sweep ${second.ms} ms, ${statusRequests().length} requests, 0 emails`,
		);
	}, 1_500_000);

	test('a SEEK Pass outage during a sweep loses no row and sends nothing twice', async () => {
		const seeds: Seed[] = Array.from({ length: 300 }, (_, i) => {
			const id = `outage-${String(i).padStart(3, '0')}`;
			if (i < 100) return { id, sentHoursAgo: 2, answer: 'verified' as const };
			if (i < 200) return { id, sentHoursAgo: 30 };
			return { id, sentHoursAgo: 1 };
		});
		await seed(seeds);

		// Half of SEEK Pass's answers are a 500, which the node does not repeat.
		sb.setSwitches({ faultRate: 0.5, faultKinds: ['500'] });
		const during = await sweep();
		sb.setSwitches({ faultRate: 0 });
		const failedIds = statusRequests()
			.filter((r) => r.status === 500)
			.flatMap((r) => (r.body as { ids: string[] }).ids);
		const answeredIds = statusRequests()
			.filter((r) => r.status === 200)
			.flatMap((r) => (r.body as { ids: string[] }).ids);
		report(
			`outage sweep: ${statusRequests().length} status requests, ${failedIds.length} ids unanswered, execution ${during.execution.status}`,
		);
		expect(failedIds.length).toBeGreaterThan(0);
		// The failure is visible as a failed execution, not a silent one.
		expect(during.execution.status).toBe('error');
		const afterOutage = await rowsById();
		expect(afterOutage.size).toBe(300);
		for (const id of failedIds) {
			expect(afterOutage.get(id)).toMatchObject({
				submissionId: id,
				status: 'pending',
				checkedAt: null,
				notifiedAt: null,
				remindedAt: null,
			});
		}
		// The rows SEEK Pass did answer for were handled in the same sweep, their notices sent.
		for (const id of answeredIds)
			expect({ id, checked: afterOutage.get(id)!.checkedAt !== null }).toEqual({
				id,
				checked: true,
			});
		const sentDuring = mailCounts();
		const due = (id: string) => Number(id.split('-')[1]) < 200;
		expect(sentDuring.size).toBe(answeredIds.filter(due).length);
		for (const key of sentDuring.keys()) {
			const id = /Holder (\S+)/.exec(key)?.[1] ?? key.split('@')[0];
			expect(answeredIds).toContain(id);
		}

		// SEEK Pass is back: the next sweep finishes every row, the one after sends nothing.
		sb.clearRequests();
		const next = await sweep();
		expect(next.execution.status).toBe('success');
		const third = await sweep();
		expect(third.execution.status).toBe('success');
		const expected = new Map<string, number>();
		for (const [i, s] of seeds.entries()) {
			if (i < 100) expected.set(acceptedKey(s.id), 1);
			else if (i < 200) expected.set(reminderKey(s.id), 1);
		}
		expect(mailCounts()).toEqual(expected);
		const rows = await rowsById();
		expect(
			[...rows.values()].filter((r) => r.status === 'verified' && r.notifiedAt !== null),
		).toHaveLength(100);
		expect(
			[...rows.values()].filter((r) => r.status === 'pending' && r.remindedAt !== null),
		).toHaveLength(100);
	}, 600_000);

	test('an accepted submission whose notice bounced is notified by the next sweep, once', async () => {
		await seed([
			{ id: 'bounce-accepted-1', sentHoursAgo: 2, answer: 'verified' },
			{ id: 'bounce-accepted-2', sentHoursAgo: 5, answer: 'verified' },
			{ id: 'bounce-reminder', sentHoursAgo: 26 },
		]);
		sink.refuse((address) => address === ORGANISATION);

		const bounced = await sweep();
		expect(bounced.execution.status).toBe('success');
		expect(sink.refused()).toEqual([ORGANISATION, ORGANISATION]);
		let rows = await rowsById();
		// Verified is recorded, but the row stays open until its notice is delivered.
		expect(rows.get('bounce-accepted-1')).toMatchObject({ status: 'verified', notifiedAt: null });
		expect(rows.get('bounce-accepted-2')).toMatchObject({ status: 'verified', notifiedAt: null });
		expect(rows.get('bounce-reminder')!.remindedAt).not.toBeNull();
		expect([...mailCounts().keys()]).toEqual([reminderKey('bounce-reminder')]);

		sink.refuse(undefined);
		const retried = await sweep();
		expect(retried.execution.status).toBe('success');
		const quiet = await sweep();
		expect(quiet.execution.status).toBe('success');
		expect(mailCounts()).toEqual(
			new Map([
				[reminderKey('bounce-reminder'), 1],
				[acceptedKey('bounce-accepted-1'), 1],
				[acceptedKey('bounce-accepted-2'), 1],
			]),
		);
		rows = await rowsById();
		expect(rows.get('bounce-accepted-1')!.notifiedAt).not.toBeNull();
		expect(rows.get('bounce-accepted-2')!.notifiedAt).not.toBeNull();
	}, 300_000);
});
