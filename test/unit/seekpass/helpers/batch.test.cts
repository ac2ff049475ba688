// The batch bodies of both API versions from read entries, the batch id derived so that a
// re-run sends the same one, and the rules only a whole batch shows.
import {
	batchConflicts,
	batchV1Body,
	batchV2Body,
	type BatchEntry,
} from '../../../../nodes/SeekPass/helpers/batch';
import { batchIdFor } from '../../../../nodes/SeekPass/helpers/batch/id';
import { planAssets } from '../../../../nodes/SeekPass/helpers/assets';

const derive = { mode: 'derive' as const, prefix: '', given: '' };

function entry(
	itemIndex: number,
	type: BatchEntry['type'],
	credentialId: string,
	extra: Partial<BatchEntry> = {},
): BatchEntry {
	return {
		itemIndex,
		type,
		credentialId,
		fields: { full_name: 'Ann Lee' },
		assets: [],
		person: 'ann@example.com',
		personKey: 'ann@example.com',
		batchId: derive,
		...extra,
	};
}

const degree = entry(0, 'education', 'edu-1', {
	assets: planAssets(
		[{ assetType: 'pdf', assetId: '', source: { binaryProperty: 'data' } }],
		'edu-1',
	),
});
const identity = entry(1, 'digital_identity', 'id-1', { partnerChain: [{ name: 'Acme' }] });
const badge = entry(2, 'microcredential', 'mc-1');

test('v2: items under their type key, digital identity a single object, assets per item', () => {
	expect(batchV2Body('batch-1', [degree, identity, badge])).toEqual({
		credential_id: 'batch-1',
		education_items: [
			{
				credential_id: 'edu-1',
				fields: { full_name: 'Ann Lee' },
				assets: [{ asset_id: 'edu-1-asset-1', asset_type: 'pdf' }],
			},
		],
		digital_identity: {
			credential_id: 'id-1',
			fields: { full_name: 'Ann Lee' },
			partner_chain: [{ name: 'Acme' }],
		},
		microcredential_items: [{ credential_id: 'mc-1', fields: { full_name: 'Ann Lee' } }],
	});
});

test('v1: {id, credentials: [{id, credential_type, data: {credential}}]}, identity chain at data level', () => {
	expect(batchV1Body('batch-1', [degree, identity])).toEqual({
		id: 'batch-1',
		credentials: [
			{ id: 'edu-1', credential_type: 'education', data: { credential: { full_name: 'Ann Lee' } } },
			{
				id: 'id-1',
				credential_type: 'digital_identity',
				data: { credential: { full_name: 'Ann Lee' }, partner_chain: [{ name: 'Acme' }] },
			},
		],
	});
});

test('the derived batch id depends on the person and the credential ids, not their order', () => {
	const id = batchIdFor(derive, 'ann@example.com', ['edu-1', 'mc-1']);
	expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	expect(batchIdFor(derive, 'ann@example.com', ['mc-1', 'edu-1'])).toBe(id);
	expect(batchIdFor(derive, 'bob@example.com', ['edu-1', 'mc-1'])).not.toBe(id);
	expect(batchIdFor(derive, 'ann@example.com', ['edu-1'])).not.toBe(id);
	expect(batchIdFor({ ...derive, prefix: 'acme-' }, 'ann@example.com', ['edu-1', 'mc-1'])).toBe(
		`acme-${id}`,
	);
	expect(batchIdFor({ mode: 'given', prefix: '', given: 'mine-1' }, 'x', [])).toBe('mine-1');
	expect(batchIdFor({ mode: 'generate', prefix: '', given: '' }, 'x', [])).not.toBe(
		batchIdFor({ mode: 'generate', prefix: '', given: '' }, 'x', []),
	);
});

test('a v2 batch takes one digital identity per person (a v1 batch has no such key)', () => {
	const second = entry(3, 'digital_identity', 'id-2');
	expect(batchConflicts([identity, degree, second], 'v2')).toEqual([
		{
			entry: second,
			field: 'batchCredentialType',
			problem: 'a batch takes one digital identity; item 1 already gives one for this person',
		},
	]);
	expect(batchConflicts([identity, second], 'v1')).toEqual([]);
});

test('one credential id twice, or two batch ids for one person, are refused', () => {
	const again = entry(5, 'microcredential', 'mc-1');
	expect(batchConflicts([badge, again], 'v2')[0]).toMatchObject({
		entry: again,
		field: 'credential_id',
	});
	const mine = entry(6, 'education', 'edu-9', {
		batchId: { mode: 'given', prefix: '', given: 'other' },
	});
	expect(batchConflicts([badge, mine], 'v2')[0]).toMatchObject({ entry: mine, field: 'batchId' });
});

// Needs career_history among the credential types (the fields helper's branch).
test('a v2 batch takes one career history per person', () => {
	const history = entry(4, 'career_history' as BatchEntry['type'], 'ch-1');
	const history2 = entry(5, 'career_history' as BatchEntry['type'], 'ch-2');
	expect(batchConflicts([history, history2], 'v2').map((c) => c.problem)).toEqual([
		'a batch takes one career history; item 4 already gives one for this person',
	]);
});
