import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { ItemParams } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation, OperationContext } from '../../../common/operation';
import {
	SEEK_PASS_V2_ADD_PATHS,
	type SeekPassApiVersion,
	type SeekPassCredentialType,
} from '../../constants';
import { apiVersionProperties, readApiVersion } from '../../helpers/api-version';
import {
	assetProperties,
	assetsBody,
	failedUploads,
	planAssets,
	readAssets,
	uploadAssets,
	type PlannedAsset,
} from '../../helpers/assets';
import { v1Body, v2Body } from '../../helpers/envelope';
import {
	credentialFieldProperties,
	credentialTypeProperty,
	credentialWhat,
	isV1Type,
	readCredential,
} from '../../helpers/fields';
import { readSubmissionIdInput, submissionIdProperties } from '../../helpers/fields/submissionId';
import { parseRedirectUri } from '../../helpers/redirect-uri';
import { addScopes, checkScopes, grantedScopes } from '../../helpers/scopes';
import { submissionIdFor } from '../../helpers/submission-id';
import {
	credentialIdFieldSchema,
	submissionIdFieldSchema,
	type AddCredentialBody,
	type AddCredentialV2Body,
} from '../../schemas';
import type { SeekPassClient } from '../../transport';

type AddEntry = Entry & { type: SeekPassCredentialType } & (
		| { version: 'v1'; body: AddCredentialBody }
		| { version: 'v2'; body: AddCredentialV2Body; path: string; assets: PlannedAsset[] }
	);

const v2Options: INodeProperties = {
	displayName: 'Options',
	name: 'addOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { apiVersion: ['v2'] } },
	options: [
		{
			displayName: 'V2 Path',
			name: 'v2Path',
			type: 'string',
			default: '',
			placeholder: 'e.g. /api/partner/v2/add/requests/education.json',
			description:
				'SEEK Pass publishes the v2 path only for universal credential and career history; the others follow the same pattern. Set the path SEEK Pass gave you if it differs.',
		},
	],
};

function v2Path(params: ItemParams, type: SeekPassCredentialType): string {
	const override = String(params.raw<IDataObject>('addOptions', {}).v2Path ?? '').trim();
	if (override === '') return SEEK_PASS_V2_ADD_PATHS[type];
	if (!override.startsWith('/')) params.fail('v2Path', 'must be a path starting with /');
	return override;
}

function prepareAdd(
	params: ItemParams,
	type: SeekPassCredentialType,
	version: SeekPassApiVersion,
	granted: Set<string> | undefined,
): AddEntry {
	if (version === 'v1' && !isV1Type(type))
		params.fail('apiVersion', `${type} exists only in SEEK Pass API v2: set API Version to v2`);
	const idInput = readSubmissionIdInput(params);
	const prepared = readCredential(params, type, version);
	const chosen = submissionIdFor(idInput, type, prepared.credential);
	// Checked under the envelope's own name for it: v1 `id`, v2 `credential_id`.
	const id =
		version === 'v1'
			? params.validate(submissionIdFieldSchema, { id: chosen }).id
			: params.validate(credentialIdFieldSchema, { credential_id: chosen }).credential_id;
	checkScopes(params, addScopes([type]), granted);
	const { itemIndex } = params;
	if (version === 'v1' && isV1Type(type))
		return { itemIndex, type, version, body: v1Body(type, prepared, id) };
	const assets = planAssets(readAssets(params, type), id);
	return {
		itemIndex,
		type,
		version: 'v2',
		body: v2Body(type, prepared, id, assetsBody(assets)),
		path: v2Path(params, type),
		assets,
	};
}

async function send(op: OperationContext<SeekPassClient>, entry: AddEntry): Promise<IDataObject> {
	const { client } = op;
	if (entry.version === 'v1') {
		const answer = await client.addCredential(entry.body, entry.itemIndex);
		const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
		return {
			submissionId: entry.body.id,
			credentialType: entry.type,
			redirectUri: link.redirectUri,
			contentId: link.contentId ?? null,
			documentType: link.documentType ?? entry.body.document_type,
			clientId: link.clientId ?? null,
		};
	}
	const answer = await client.addCredentialV2(entry.path, entry.body, entry.itemIndex);
	const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
	const { credential_id: credentialId } = entry.body;
	// The links themselves are never output: their query string is the permission to write.
	const outcomes = await uploadAssets(
		op,
		[{ credentialId, itemIndex: entry.itemIndex, assets: entry.assets }],
		answer?.uploads,
	);
	return {
		submissionId: credentialId,
		credentialType: entry.type,
		redirectUri: link.redirectUri,
		contentId: link.contentId ?? null,
		documentType: link.documentType ?? null,
		clientId: link.clientId ?? null,
		apiVersion: 'v2',
		assets: outcomes.get(credentialId) ?? [],
		uploadsFailed: failedUploads(outcomes.values()),
	};
}

export const add: Operation<SeekPassClient> = {
	value: 'add',
	name: 'Add',
	action: 'Add a credential to SEEK Pass',
	description: 'Create an "Add to SEEK Pass" link for one credential',
	properties: [
		...apiVersionProperties,
		credentialTypeProperty,
		...submissionIdProperties('Submission'),
		...credentialFieldProperties,
		...assetProperties({ show: { apiVersion: ['v2'] } }),
		v2Options,
	],
	// Every item is read and checked before the first link is made.
	execute: async (op) => {
		const granted = await grantedScopes(op.ctx);
		return await batched<SeekPassClient, AddEntry>((o) => ({
			prepare: (itemIndex) => {
				const type = o.ctx.getNodeParameter('credentialType', itemIndex) as SeekPassCredentialType;
				const params = new ItemParams(o.ctx, itemIndex, credentialWhat(type));
				return prepareAdd(params, type, readApiVersion(params), granted);
			},
			send: async ([entry]) => [await send(o, entry)],
		}))(op);
	},
};
