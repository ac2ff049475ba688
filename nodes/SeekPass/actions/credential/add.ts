import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import type { SeekPassCredentialType } from '../../constants';
import { parseRedirectUri } from '../../helpers/redirect-uri';
import { submissionIdFieldSchema, type AddCredentialBody } from '../../schemas';
import { submissionIdFor } from '../../helpers/submission-id';
import { runPrepared } from '../../../common/items/legacy';
import { credentialFieldProperties, credentialTypeProperty, readCredential } from '../../helpers/fields';
import { credentialWhat, ItemParams } from '../item-params';
import { readSubmissionIdInput, submissionIdProperties } from '../../helpers/fields/submissionId';

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add a credential to SEEK Pass',
	description: 'Create an "Add to SEEK Pass" link for one credential',
	properties: [credentialTypeProperty, ...submissionIdProperties('Submission'), ...credentialFieldProperties],
	execute: async (op) => {
		const client = new SeekPassClient(op.client);
		return await runPrepared(
			op,
			(itemIndex): AddCredentialBody => {
				const type = op.ctx.getNodeParameter('credentialType', itemIndex) as SeekPassCredentialType;
				const params = new ItemParams(op.ctx, itemIndex, credentialWhat(type));
				const idInput = readSubmissionIdInput(params);
				const { credential, document_type, document } = readCredential(params, type);
				const { id } = validateInput(
					op.ctx.getNode(),
					submissionIdFieldSchema,
					{ id: submissionIdFor(idInput, type, credential) },
					itemIndex,
					params.what,
				);
				const data: AddCredentialBody['data'] = document === undefined ? { credential } : { credential, document };
				return { id, document_type, credential_type: type, data };
			},
			async (body, itemIndex): Promise<IDataObject> => {
				const answer = await client.addCredential(body, itemIndex);
				const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
				return {
					submissionId: body.id,
					credentialType: body.credential_type,
					redirectUri: link.redirectUri,
					contentId: link.contentId ?? null,
					documentType: link.documentType ?? body.document_type,
					clientId: link.clientId ?? null,
				};
			},
		);
	},
};
