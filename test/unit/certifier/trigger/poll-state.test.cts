// The polling trigger's cursor: nothing emitted twice across polls, ties at the cursor handled,
// and in "issued" mode only credentials that actually left draft since the last poll.
import {
	anchorState,
	pollFilter,
	PollStep,
	type PollState,
	type PollWatch,
} from '../../../../nodes/Certifier/trigger/poll-state';
import type { CertifierCredential } from '../../../../nodes/Certifier/transport';

function credential(
	id: string,
	createdAt: string,
	status = 'draft',
	updatedAt = createdAt,
): CertifierCredential {
	return {
		id,
		publicId: `p-${id}`,
		groupId: 'g',
		status,
		recipient: { id: 'r', name: 'R' },
		issueDate: createdAt.slice(0, 10),
		expiryDate: null,
		attributes: {},
		customAttributes: {},
		createdAt,
		updatedAt,
	};
}
const T = (n: number) => `2024-05-01T10:00:0${n}.000Z`;

/** What a poll would get: the credentials matching the state's filter, oldest first. */
function serverAnswer(all: CertifierCredential[], state: PollState): CertifierCredential[] {
	const field = state.watch === 'created' ? 'createdAt' : 'updatedAt';
	return all
		.filter((c) => state.since === null || c[field] >= state.since)
		.sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : 1));
}

function poll(
	all: CertifierCredential[],
	state: PollState,
	memory = 100,
): { emitted: string[]; state: PollState } {
	const step = new PollStep(state, memory);
	const emitted = serverAnswer(all, state)
		.filter((c) => step.consider(c))
		.map((c) => c.id);
	return { emitted, state: step.state() };
}

const anchor = (watch: PollWatch, all: CertifierCredential[], drafts: string[] = []) =>
	anchorState(
		watch,
		[...serverAnswer(all, { watch, since: null, boundaryIds: [] })].reverse(),
		drafts,
		100,
	);

describe('created', () => {
	test('activation anchors at the newest credential: history is not emitted', () => {
		const all = [credential('a', T(1)), credential('b', T(2))];
		const state = anchor('created', all);
		expect(state).toEqual({ watch: 'created', since: T(2), boundaryIds: ['b'] });
		expect(poll(all, state).emitted).toEqual([]);
	});

	test('each new credential is emitted once across polls, including ties at the cursor', () => {
		const all = [credential('a', T(1))];
		let state = anchor('created', all);
		all.push(credential('b', T(2)), credential('c', T(2)));
		let result = poll(all, state);
		expect(result.emitted).toEqual(['b', 'c']);
		state = result.state;
		expect(state.boundaryIds).toEqual(['b', 'c']);
		// Created in the same millisecond as the cursor, after the last poll.
		all.push(credential('d', T(2)), credential('e', T(3)));
		result = poll(all, state);
		expect(result.emitted).toEqual(['d', 'e']);
		expect(poll(all, result.state).emitted).toEqual([]);
	});

	test('an account with no credential yet emits everything created after activation', () => {
		const state = anchor('created', []);
		expect(state.since).toBeNull();
		expect(poll([credential('a', T(1))], state).emitted).toEqual(['a']);
	});

	test('the filter asks from the cursor on, ties included', () => {
		expect(pollFilter({ watch: 'created', since: T(2), boundaryIds: ['b'] })).toEqual({
			createdAt: { gte: T(2) },
		});
		expect(pollFilter({ watch: 'created', since: null, boundaryIds: [] })).toBeUndefined();
	});
});

describe('issued', () => {
	test('a draft from before activation that gets issued is emitted once; later updates are not', () => {
		const draft = credential('old-draft', T(0));
		const issued = credential('old-issued', T(0), 'issued', T(1));
		const all = [draft, issued];
		let state = anchor('issued', all, ['old-draft']);
		expect(state.drafts).toEqual(['old-draft']);

		Object.assign(draft, { status: 'issued', updatedAt: T(3) });
		let result = poll(all, state);
		expect(result.emitted).toEqual(['old-draft']);
		state = result.state;
		expect(state.drafts).toEqual([]);

		Object.assign(draft, { expiryDate: '2030-01-01', updatedAt: T(5) });
		Object.assign(issued, { expiryDate: '2030-01-01', updatedAt: T(6) });
		result = poll(all, state);
		expect(result.emitted).toEqual([]);
	});

	test('created and issued between polls (create-issue-send) is emitted; a new draft is only remembered', () => {
		const all = [credential('x', T(0), 'issued')];
		let state = anchor('issued', all);
		all.push(credential('cis', T(2), 'issued', T(2)), credential('new-draft', T(3)));
		let result = poll(all, state);
		expect(result.emitted).toEqual(['cis']);
		expect(result.state.drafts).toEqual(['new-draft']);
		state = result.state;

		Object.assign(all[2], { status: 'issued', updatedAt: T(4) });
		result = poll(all, state);
		expect(result.emitted).toEqual(['new-draft']);
		expect(poll(all, result.state).emitted).toEqual([]);
	});

	test('a credential created and issued in the cursor millisecond is not emitted again when updated', () => {
		const all: CertifierCredential[] = [];
		let state = anchor('issued', all);
		all.push(credential('same-ms', T(2), 'issued', T(2)));
		let result = poll(all, state);
		expect(result.emitted).toEqual(['same-ms']);
		state = result.state;
		Object.assign(all[0], { updatedAt: T(4) });
		result = poll(all, state);
		expect(result.emitted).toEqual([]);
	});

	test('remembered drafts are bounded; the oldest are forgotten first', () => {
		const all = [credential('d1', T(1)), credential('d2', T(2)), credential('d3', T(3))];
		const result = poll(all, { watch: 'issued', since: null, boundaryIds: [], drafts: [] }, 2);
		expect(result.state.drafts).toEqual(['d2', 'd3']);
	});
});
