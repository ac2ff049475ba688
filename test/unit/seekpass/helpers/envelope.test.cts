// The single-add envelopes and the editor facts they rest on: partner_chain placement per API
// version and type (lead's contract), v2 assets only when given, the per-version API default,
// and the universal categories dropdown holding exactly the [assumed] constant list.
import { NodeHelpers, type INode, type INodeProperties } from 'n8n-workflow';
import { SEEK_PASS_UNIVERSAL_CATEGORIES } from '../../../../nodes/SeekPass/constants';
import { v1Body, v2Body } from '../../../../nodes/SeekPass/helpers/envelope';
import type { PreparedCredential } from '../../../../nodes/SeekPass/helpers/fields';
import {
	OTHER_CATEGORY,
	universalCredentialProperties,
} from '../../../../nodes/SeekPass/helpers/fields/universalCredential';
import { SeekPass } from '../../../../nodes/SeekPass/SeekPass.node';

const chain = [{ name: 'Partner Organization' }];
const identity: PreparedCredential = {
	credential: { full_name: 'Jane Citizen', identity_document_validity: 'manual' },
	document_type: 'none',
	partner_chain: chain,
};
const career: PreparedCredential = {
	credential: { full_name: 'John Doe', employment: [] },
	document_type: 'none',
	partner_chain: chain,
};

describe('partner_chain placement', () => {
	test('digital identity: data.partner_chain in v1, beside fields in v2', () => {
		expect(v1Body('digital_identity', identity, 'id-1')).toEqual({
			id: 'id-1',
			document_type: 'none',
			credential_type: 'digital_identity',
			data: { credential: identity.credential, partner_chain: chain },
		});
		expect(v2Body('digital_identity', identity, 'id-1')).toEqual({
			credential_id: 'id-1',
			fields: identity.credential,
			partner_chain: chain,
		});
	});

	test('career history: inside the credential in v1, beside fields in v2', () => {
		expect(v1Body('career_history', career, 'c-1').data).toEqual({
			credential: { ...career.credential, partner_chain: chain },
		});
		expect(v2Body('career_history', career, 'c-1')).toEqual({
			credential_id: 'c-1',
			fields: career.credential,
			partner_chain: chain,
		});
	});

	test('the prepared credential is not changed by building an envelope', () => {
		v1Body('career_history', career, 'c-1');
		expect(career.credential).not.toHaveProperty('partner_chain');
	});
});

test('v2 sends assets only when there are some', () => {
	const prepared: PreparedCredential = {
		credential: { full_name: 'A' },
		document_type: 'none',
	};
	expect(v2Body('education', prepared, 'e-1', [])).toEqual({
		credential_id: 'e-1',
		fields: { full_name: 'A' },
	});
	const assets = [{ asset_id: 'a-1', asset_type: 'pdf' }];
	expect(v2Body('education', prepared, 'e-1', assets)).toEqual({
		credential_id: 'e-1',
		fields: { full_name: 'A' },
		assets,
	});
});

test('API Version defaults to v1 on node version 1 (saved workflows) and v2 on version 2', () => {
	const description = new SeekPass().description;
	expect(description.version).toEqual([1, 2]);
	expect(description.defaultVersion).toBe(2);
	const apiVersionAt = (typeVersion: number) => {
		const node = { typeVersion, parameters: {} } as unknown as INode;
		const parameters = NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'credential', operation: 'add' },
			true,
			false,
			node,
			description,
		);
		return parameters?.apiVersion;
	};
	expect(apiVersionAt(1)).toBe('v1');
	expect(apiVersionAt(2)).toBe('v2');
});

test('the universal category dropdown offers the [assumed] constant list and Other', () => {
	const property = universalCredentialProperties.find(
		(p) => p.name === 'credential_category',
	) as INodeProperties;
	const values = (property.options as Array<{ value: string }>).map((o) => o.value);
	expect(values).toEqual([...SEEK_PASS_UNIVERSAL_CATEGORIES, OTHER_CATEGORY]);
	expect(values).toContain(property.default);
});
