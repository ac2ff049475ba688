// Issue 8, faults: 1,000 items through each action node's main write operation while the
// sandbox injects 20 % faults (500, 502, 503, 504, dropped connections, slow answers), rate
// limits with 429 + Retry-After and, for the OAuth2 services, expires the tokens mid-run.
// Every item must end succeeded exactly once (the sandbox's state shows one creation) or as an
// error item linked to its input (Continue on Fail); none vanishes; order equals input order.
// The transport does not retry a 500 (it may mean "done, then failed"), so 500s end as error
// items; everything else must be absorbed. Certifier's lost answers are settled by looking the
// credential up, so none of its items is left outcomeUnknown.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { SmartResumeOAuth2Api } from '../../../credentials/SmartResumeOAuth2Api.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { SmartResume } from '../../../nodes/SmartResume/SmartResume.node';
import {
	startSandbox,
	type LoggedRequest,
	type Sandbox,
	type ServiceName,
} from '../../../sandbox/index.cjs';
import { createInProcessN8n, type InProcessN8n, type NodeRun } from '../../in-process/index.cjs';
import {
	captureLogs,
	printFigures,
	requestTextWithoutAuthHeader,
	Tally,
	visibleText,
	type Figures,
} from './tally.cjs';

const ITEMS = 1000;
const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
// Fast enough for a 2-core machine, persistent enough that only 500s end as error items.
const REQUEST_OPTIONS = { concurrency: 16, maxAttempts: 8, maxTotalWaitSeconds: 30 };
// 'lost-response' carries a write out and drops the answer: only writes the API deduplicates may be repeated.
const FAULTS = {
	faultRate: 0.2,
	faultKinds: ['500', '502', '503', '504', 'reset', 'slow', 'lost-response'],
	slowMs: 30,
	rateLimitPerSecond: 150,
} as const;
// Tokens are invalidated after these many successful writes (OAuth2 services only).
const EXPIRE_AT = [250, 600];
// Whatever the machine's speed, 429s must happen: after this many writes the limit drops to a
// trickle until SQUEEZE_429S answers were 429 (each with Retry-After), then returns.
const SQUEEZE_AT = 100;
const SQUEEZE_429S = 30;

const WRITE = {
	certifier: (e: LoggedRequest) =>
		e.method === 'POST' && e.path.endsWith('/credentials/create-issue-send'),
	smartResume: (e: LoggedRequest) => e.method === 'POST' && e.path.endsWith('/api/v1/credentials'),
	// v1 for nodes saved before, v2 (the default since node version 2) for new ones.
	seekPass: (e: LoggedRequest) =>
		e.method === 'POST' && /\/api\/partner\/v[12]\/add\//.test(e.path),
} satisfies Partial<Record<ServiceName, (e: LoggedRequest) => boolean>>;
/** The services whose action node this file tortures (the sandbox may host more). */
type Tortured = keyof typeof WRITE;
const TOKEN = (e: LoggedRequest) =>
	e.path.endsWith('/oauth/token.json') || e.path.endsWith('/api/v1/token');

let sb: Sandbox;
let n8n: InProcessN8n;
const tally = new Tally();
let torturing: Tortured | undefined;
let writesOk = 0;
let squeezed429s = -1;
/** Every secret the run could leak: the demo credentials and each bearer token seen. */
const secrets = new Set<string>();
const visible: string[] = [];

beforeAll(async () => {
	sb = await startSandbox({
		port: 0,
		onRequestLogged: (entry) => {
			tally.add(entry);
			const bearer = /^Bearer (.+)$/.exec(String(entry.headers.authorization ?? ''))?.[1];
			if (bearer) secrets.add(bearer);
			if (!torturing || entry.service !== torturing) return;
			if (WRITE[torturing](entry) && entry.status < 300) {
				writesOk += 1;
				if (torturing !== 'certifier' && EXPIRE_AT.includes(writesOk)) sb.expireTokens(torturing);
				if (writesOk === SQUEEZE_AT) {
					squeezed429s = 0;
					sb.setSwitches({ rateLimitPerSecond: 5 });
				}
			}
			if (
				squeezed429s >= 0 &&
				entry.injected === 'rate-limited' &&
				++squeezed429s === SQUEEZE_429S
			) {
				squeezed429s = -1;
				sb.setSwitches({ rateLimitPerSecond: FAULTS.rateLimitPerSecond });
			}
		},
	});
	n8n = await createInProcessN8n({
		nodeTypes: [new Certifier(), new SmartResume(), new SeekPass()],
		credentialTypes: [new CertifierApi(), new SmartResumeOAuth2Api(), new SeekPassOAuth2Api()],
	});
	n8n.setCredential('certifierApi', {
		id: 'certifier',
		data: {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		},
	});
	n8n.setCredential('smartResumeOAuth2Api', {
		id: 'smartresume',
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.smartResume,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
		},
	});
	n8n.setCredential('seekPassOAuth2Api', {
		id: 'seekpass',
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
		},
	});
	for (const s of [
		sb.demo.certifier.accessToken,
		sb.demo.smartResume.accessKey,
		sb.demo.seekPass.clientSecret,
	])
		secrets.add(s);
});

afterAll(async () => await sb?.close());

async function control<T>(service: string, path: string): Promise<T> {
	const res = await fetch(`${sb.urls.control}/${service}${path}`);
	expect(res.status).toBe(200);
	return (await res.json()) as T;
}

interface Torture {
	service: Tortured;
	type: string;
	credentials: Record<string, string>;
	parameters: INodeParameters;
	input: IDataObject[];
	/** Whether the write may be sent twice (the API deduplicates it). */
	repeatable: boolean;
}

/** Runs the node over ITEMS items with faults on; checks order, pairing and the error items. */
async function torture(t: Torture): Promise<{
	run: NodeRun;
	ok: number[];
	failed: number[];
	unknown: number[];
	figures: Omit<Figures, 'duplicated'>;
}> {
	tally.clear();
	writesOk = 0;
	squeezed429s = -1;
	torturing = t.service;
	sb.setSwitches({ ...FAULTS, faultKinds: [...FAULTS.faultKinds] });
	const { value: run, lines } = await captureLogs(
		async () =>
			await n8n.runNode({
				type: t.type,
				parameters: { ...t.parameters, requestOptions: REQUEST_OPTIONS },
				credentials: t.credentials,
				input: t.input.map((json): INodeExecutionData => ({ json })),
				continueOnFail: true,
			}),
	);
	sb.setSwitches({ faultRate: 0, rateLimitPerSecond: 0 });
	torturing = undefined;

	expect(run.error).toBeUndefined();
	const items = run.output[0];
	// None vanishes, none is added, and output order is input order.
	expect(items).toHaveLength(ITEMS);
	expect(items.map((i) => i.pairedItem)).toEqual(t.input.map((_, item) => ({ item })));
	const failed = items.flatMap((i, index) => (i.json.error === undefined ? [] : [index]));
	const ok = items.flatMap((i, index) => (i.json.error === undefined ? [index] : []));
	// An error item names its item and carries the API's answer. Only an unretried 500 may cause one,
	// and, for a write that cannot be repeated, a failure that leaves its outcome unknown (502, 504,
	// dropped connection): not sent again, and marked so.
	for (const index of failed) {
		const json = items[index].json;
		if (json.outcomeUnknown === true) {
			expect(t.repeatable).toBe(false);
			expect(String(json.description)).toMatch(/may have carried it out/);
		} else {
			expect(json).toMatchObject({ httpCode: '500' });
			expect(String(json.error)).toMatch(/500/);
		}
	}

	visible.push(visibleText(items, [run.error].filter(Boolean), lines));
	for (const e of tally.entries)
		if (e.service === t.service && !TOKEN(e)) visible.push(requestTextWithoutAuthHeader(e));

	const writes = tally.count((e) => e.service === t.service && WRITE[t.service](e));
	const tokenRenewals = tally.count((e) => e.service === t.service && TOKEN(e) && e.status === 200);
	const injected = tally.injected((e) => e.service === t.service && !TOKEN(e));
	const requests = tally.count((e) => e.service === t.service && !TOKEN(e));
	const answered = tally.count(
		(e) => e.service === t.service && !TOKEN(e) && e.status >= 200 && e.status < 300,
	);
	// Every kind of trouble was really injected, 429s with Retry-After included.
	for (const kind of FAULTS.faultKinds) expect(injected[`fault:${kind}`]).toBeGreaterThan(0);
	expect(injected['rate-limited']).toBeGreaterThanOrEqual(SQUEEZE_429S);
	const unknown = failed.filter((index) => items[index].json.outcomeUnknown === true);
	return {
		run,
		ok,
		failed,
		unknown,
		figures: {
			service: t.service,
			items: ITEMS,
			succeeded: ok.length,
			errorItems: failed.length,
			outcomeUnknown: unknown.length,
			writeRequests: writes,
			injected,
			// Every API request beyond the ones that succeeded or ended as an error item.
			retries: requests - answered - failed.length,
			tokenRenewals,
			lost: ITEMS - ok.length - failed.length,
		},
	};
}

test('Certifier create-issue-send: 1,000 items, each issued once or an error item', async () => {
	const input = Array.from({ length: ITEMS }, (_, i) => ({
		name: `Person ${i}`,
		email: `p${i}@torture.example`,
	}));
	const { run, ok, failed, unknown, figures } = await torture({
		service: 'certifier',
		type: 'certifier',
		credentials: { certifierApi: 'certifier' },
		parameters: {
			resource: 'credential',
			operation: 'createIssueSend',
			group: { __rl: true, mode: 'id', value: SEED_GROUP },
			recipientName: '={{ $json.name }}',
			recipientEmail: '={{ $json.email }}',
		},
		input,
		repeatable: false,
	});

	const { creationsPerRecipientAndGroup: creations } = await control<{
		creationsPerRecipientAndGroup: Array<{ recipient: string; count: number }>;
	}>('certifier', '/credentials');
	const byRecipient = new Map(creations.map((c) => [c.recipient, c.count]));
	const duplicated = creations.filter((c) => c.count > 1).length;
	expect(duplicated).toBe(0);
	// A write whose answer was lost is looked up: returned when Certifier has it, sent again when
	// not. So no item's outcome stays unknown; a success was created exactly once, and an error
	// item (a 500) was not created at all.
	expect(unknown).toEqual([]);
	for (const i of ok) expect(byRecipient.get(input[i].email)).toBe(1);
	for (const i of failed) expect(byRecipient.get(input[i].email)).toBeUndefined();
	const lookups = tally.count(
		(e) =>
			e.service === 'certifier' && e.method === 'POST' && e.path.endsWith('/credentials/search'),
	);
	expect(lookups).toBeGreaterThan(0);
	// Writes carried out whose answer was lost: each was found and returned (no unknown, no twin).
	expect(
		tally.count((e) => WRITE.certifier(e) && e.injected === 'fault:lost-response'),
	).toBeGreaterThan(0);
	const { sends } = await control<{ sends: unknown[] }>('certifier', '/sends');
	expect(sends).toHaveLength(ok.length);
	expect(new Set(ok.map((i) => run.output[0][i].json.id)).size).toBe(ok.length);

	printFigures({ ...figures, duplicated });
	console.log(`[torture:faults] certifier: lookups=${lookups}`);
	expect(figures.lost).toBe(0);
	// Longer than the others: the lookups and the writes sent again add some 300 requests.
}, 180_000);

test('SmartResume push: 1,000 items, each uploaded once or an error item; tokens renewed mid-run', async () => {
	const input = Array.from({ length: ITEMS }, (_, i) => ({
		recipient: `r-${i}`,
		assertion: `a-${i}`,
	}));
	const { run, ok, failed, unknown, figures } = await torture({
		service: 'smartResume',
		type: 'smartResume',
		credentials: { smartResumeOAuth2Api: 'smartresume' },
		parameters: {
			resource: 'credential',
			operation: 'push',
			recipientId: '={{ $json.recipient }}',
			recipientDetails: { email: 'holder@torture.example' },
			source: 'fields',
			format: 'ob3',
			assertionId: '={{ $json.assertion }}',
			achievementId: 'course-1',
			achievementType: 'Course',
			achievementName: 'Torture Testing 101',
			subjectId: '={{ $json.recipient }}',
			issuerId: 'issuer-1',
			issuerName: 'Institution X',
			groupByRecipient: false,
		},
		input,
		repeatable: false,
	});

	const { assertions } = await control<{ assertions: Array<{ id: string; pushes: number }> }>(
		'smartresume',
		'/assertions',
	);
	const { uploads } = await control<{ uploads: Array<{ recipientId: string }> }>(
		'smartresume',
		'/uploads',
	);
	const pushes = new Map(assertions.map((a) => [a.id, a.pushes]));
	const duplicated =
		assertions.filter((a) => a.pushes > 1).length +
		(uploads.length - new Set(uploads.map((u) => u.recipientId)).size);
	expect(duplicated).toBe(0);
	for (const i of ok) expect(pushes.get(input[i].assertion)).toBe(1);
	for (const i of failed)
		if (!unknown.includes(i)) expect(pushes.get(input[i].assertion)).toBeUndefined();
	const pushedUnanswered = unknown.filter((i) => pushes.get(input[i].assertion) === 1).length;
	expect(pushedUnanswered).toBeGreaterThan(0);
	expect(uploads).toHaveLength(ok.length + pushedUnanswered);
	expect(new Set(ok.map((i) => run.output[0][i].json.claimUrl)).size).toBe(ok.length);

	printFigures({ ...figures, duplicated });
	expect(figures.lost).toBe(0);
	// The tokens were expired twice mid-run: n8n fetched new ones and carried on.
	expect(figures.tokenRenewals).toBeGreaterThanOrEqual(3);
	expect(tally.count((e) => e.service === 'smartResume' && e.status === 401)).toBeGreaterThan(0);
}, 120_000);

test('SEEK Pass add: 1,000 items, each submitted once or an error item; tokens renewed mid-run', async () => {
	const input = Array.from({ length: ITEMS }, (_, i) => ({
		id: `torture-${i}`,
		name: `Person ${i}`,
	}));
	const { run, ok, failed, unknown, figures } = await torture({
		service: 'seekPass',
		type: 'seekPass',
		credentials: { seekPassOAuth2Api: 'seekpass' },
		parameters: {
			resource: 'credential',
			operation: 'add',
			credentialType: 'microcredential',
			submissionIdMode: 'given',
			submissionId: '={{ $json.id }}',
			full_name: '={{ $json.name }}',
			issuer_name: 'Acme Training',
			microcredential_name: 'Torture Testing',
			issue_date: '2026-03-01',
		},
		input,
		repeatable: true,
	});

	const { history } = await control<{
		history: Record<string, { creations: number; repeats: number }>;
	}>('seekpass', '/submissions');
	const duplicated = Object.values(history).filter((h) => h.creations > 1).length;
	expect(duplicated).toBe(0);
	for (const i of ok) expect(history[input[i].id]).toMatchObject({ creations: 1 });
	// An error item may still have been created by an earlier attempt whose answer was lost; running
	// it again is safe for the same reason (same submission id).
	for (const i of failed) expect(history[input[i].id]?.creations ?? 0).toBeLessThanOrEqual(1);
	// Adds whose answer was lost were sent again, and SEEK Pass answered the repeat from the same
	// submission id: no error item, nothing created twice.
	expect(Object.values(history).reduce((sum, h) => sum + h.repeats, 0)).toBeGreaterThan(0);
	expect(unknown).toEqual([]);
	expect(ok.map((i) => run.output[0][i].json.submissionId)).toEqual(ok.map((i) => input[i].id));

	printFigures({ ...figures, duplicated });
	expect(figures.lost).toBe(0);
	expect(figures.tokenRenewals).toBeGreaterThanOrEqual(3);
	expect(tally.count((e) => e.service === 'seekPass' && e.status === 401)).toBeGreaterThan(0);
}, 120_000);

test('secrets: no token, client secret or access key in any item, error, log line or API request', () => {
	// Runs last (jest keeps file order): covers everything the three runs above produced.
	expect(visible.length).toBeGreaterThan(3 * ITEMS);
	expect(secrets.size).toBeGreaterThanOrEqual(5);
	const leaks = [...secrets].filter((s) => visible.some((text) => text.includes(s)));
	expect(leaks).toEqual([]);
});
