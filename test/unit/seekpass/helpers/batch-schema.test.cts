// A whole batch given as JSON is checked against the contract's shapes before it is sent:
// v2 (§6.2) with its top-level credential_id and per-item assets, v1 (§6.1).
import {
	batchV1JsonSchema,
	batchV2JsonSchema,
} from '../../../../nodes/SeekPass/helpers/batch/schema';

const degree = {
	full_name: 'Ann Lee',
	education_provider: 'Uni',
	course_name: 'BSc',
	conferral_year: '2023',
};
const issues = (result: {
	success: boolean;
	error?: { issues: Array<{ path: unknown[]; message: string }> };
}) =>
	result.success
		? []
		: (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

test('v2: credential_id at the top, items with assets where the type takes them', () => {
	const body = {
		credential_id: 'batch-1',
		education_items: [
			{
				credential_id: 'edu-1',
				fields: degree,
				assets: [
					{ asset_id: 'a1', asset_type: 'pdf' },
					{ asset_id: 'a2', asset_type: 'open_cert', asset_data: null },
				],
			},
		],
	};
	expect(batchV2JsonSchema.parse(body)).toEqual(body);
	expect(issues(batchV2JsonSchema.safeParse({ education_items: body.education_items }))).toEqual([
		'credential_id: is required',
	]);
	expect(issues(batchV2JsonSchema.safeParse({ credential_id: 'b' }))).toEqual([
		': holds no credential (give at least one of the credential keys)',
	]);
});

test('v2: asset types per credential type, ids unique across the batch', () => {
	const identity = {
		credential_id: 'id-1',
		fields: {
			full_name: 'Ann Lee',
			identity_document_validity: 'manual',
			identity_document_liveness: 'automated',
			identity_document_person_match: 'automated',
		},
	};
	expect(
		issues(
			batchV2JsonSchema.safeParse({
				credential_id: 'b',
				digital_identity: { ...identity, assets: [{ asset_id: 'a', asset_type: 'pdf' }] },
			}),
		),
	).toContain('digital_identity.assets: digital_identity takes no assets');
	expect(
		issues(
			batchV2JsonSchema.safeParse({
				credential_id: 'b',
				english_proficiency_items: [],
				education_items: [
					{
						credential_id: 'edu-1',
						fields: degree,
						assets: [{ asset_id: 'a', asset_type: 'gif' }],
					},
				],
			}),
		),
	).toEqual([
		'education_items.0.assets.0.asset_type: must be one of pdf, png, jpg, open_cert for education',
	]);
	expect(
		issues(
			batchV2JsonSchema.safeParse({
				credential_id: 'edu-1',
				education_items: [{ credential_id: 'edu-1', fields: degree }],
			}),
		),
	).toEqual(['education_items.0.credential_id: "edu-1" appears more than once']);
});

test('v1: {id, credentials: [{id, credential_type, data: {credential}}]}, each credential checked', () => {
	const body = {
		id: 'batch-1',
		credentials: [{ id: 'edu-1', credential_type: 'education', data: { credential: degree } }],
	};
	expect(batchV1JsonSchema.parse(body)).toEqual(body);
	expect(
		issues(
			batchV1JsonSchema.safeParse({
				id: 'batch-1',
				credentials: [
					{
						id: 'edu-1',
						credential_type: 'education',
						data: { credential: { ...degree, course_name: '' } },
					},
				],
			}),
		),
	).toEqual(['credentials.0.data.credential.course_name: is required']);
	expect(
		issues(
			batchV1JsonSchema.safeParse({
				id: 'b',
				credentials: [
					{ id: 'u', credential_type: 'universal_credential', data: { credential: {} } },
				],
			}),
		)[0],
	).toMatch(/^credentials\.0\.credential_type: must be one of /);
});
