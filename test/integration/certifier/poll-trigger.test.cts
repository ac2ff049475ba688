// The Certifier Poll Trigger through the harness's runPoll: scheduled ticks via n8n-core's
// PollTriggerExecutor with the static data carried from tick to tick, and manual test fetches.
import type { IDataObject } from 'n8n-workflow';
import type { PollRun } from '../../in-process/index.cjs';
import { startCertifierEnv, SEED_GROUP } from './env.cjs';
import { useServiceEnv } from '../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

/** A poller whose static data lives on between ticks, as in an active workflow. */
function poller(parameters: IDataObject) {
	let staticData: IDataObject = {};
	const tick = async (mode: 'trigger' | 'manual' = 'trigger'): Promise<PollRun> => {
		const run = await env.n8n.runPoll({
			type: 'certifierPollTrigger',
			parameters: parameters as never,
			credentials: { certifierApi: env.credentialId },
			staticData,
			mode,
		});
		if (run.error) throw run.error;
		staticData = run.staticData;
		return run;
	};
	return { tick, ids: (run: PollRun) => (run.output?.[0] ?? []).map((i) => String(i.json.id)) };
}

const create = async (name: string, groupId = SEED_GROUP) =>
	String(
		(
			await env.api('POST', '/credentials', {
				groupId,
				recipient: { name, email: `${name.toLowerCase()}@example.org` },
			})
		).id,
	);

describe('new credentials', () => {
	test('the first tick anchors (history is not replayed); later ticks emit each new credential once', async () => {
		await create('Old');
		const p = poller({ watch: 'created' });
		expect((await p.tick()).output).toBeNull();
		const a = await create('A');
		const b = await create('B');
		const first = await p.tick();
		expect(p.ids(first)).toEqual([a, b]);
		expect(first.output?.[0][0].json).toMatchObject({
			id: a,
			group: { id: SEED_GROUP, name: 'Introduction to Data Science' },
		});
		expect((await p.tick()).output).toBeNull();
		const c = await create('C');
		expect(p.ids(await p.tick())).toEqual([c]);
		expect((await p.tick()).output).toBeNull();
	});

	test('a burst of 250 is emitted in one tick, none twice, group looked up once', async () => {
		const p = poller({ watch: 'created' });
		await p.tick();
		await env.control('POST', '/seed-credentials', { count: 250 });
		env.sb.clearRequests();
		const run = await p.tick();
		expect(p.ids(run)).toHaveLength(250);
		expect(new Set(p.ids(run)).size).toBe(250);
		expect(env.apiRequests({ method: 'GET', pathIncludes: '/groups/' })).toHaveLength(1);
		expect((await p.tick()).output).toBeNull();
	});

	test('manual fetch gives the newest credential without moving the cursor; an empty account gives the sample', async () => {
		const p = poller({ watch: 'created' });
		const sample = await p.tick('manual');
		expect(sample.output?.[0][0].json).toMatchObject({
			sample: true,
			id: '01hz2f0c9ryvzajg20jqh9taab',
		});
		await p.tick();
		const a = await create('A');
		const manual = await p.tick('manual');
		expect(p.ids(manual)).toEqual([a]);
		expect(p.ids(await p.tick())).toEqual([a]);
	});
});

describe('newly issued credentials', () => {
	test('drafts issued later, create-issue-send and issue-after-activation are each emitted once; updates are not', async () => {
		const oldDraft = await create('OldDraft');
		const oldIssued = await create('OldIssued');
		await env.api('POST', `/credentials/${oldIssued}/issue`);
		const p = poller({ watch: 'issued', includeGroup: false });
		expect((await p.tick()).output).toBeNull();

		await env.api('POST', `/credentials/${oldDraft}/issue`);
		const cis = String(
			(
				await env.api('POST', '/credentials/create-issue-send', {
					groupId: SEED_GROUP,
					recipient: { name: 'Cis', email: 'cis@example.org' },
				})
			).id,
		);
		const newDraft = await create('NewDraft');
		const run = await p.tick();
		expect(p.ids(run)).toEqual([oldDraft, cis]);
		expect(run.output?.[0][0].json).not.toHaveProperty('group');

		await env.api('POST', `/credentials/${newDraft}/issue`);
		await env.api('PATCH', `/credentials/${oldIssued}`, { expiryDate: null });
		await env.api('PATCH', `/credentials/${oldDraft}`, { expiryDate: null });
		expect(p.ids(await p.tick())).toEqual([newDraft]);
		expect((await p.tick()).output).toBeNull();
	});
});
