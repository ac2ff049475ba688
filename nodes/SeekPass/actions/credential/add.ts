import type { IDataObject } from 'n8n-workflow';
import { ItemParams } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import type { SeekPassCredentialType } from '../../constants';
import {
	credentialFieldProperties,
	credentialTypeProperty,
	credentialWhat,
	readCredential,
} from '../../helpers/fields';
import { readSubmissionIdInput, submissionIdProperties } from '../../helpers/fields/submissionId';
import { parseRedirectUri } from '../../helpers/redirect-uri';
import { submissionIdFor } from '../../helpers/submission-id';
import { submissionIdFieldSchema, type AddCredentialBody } from '../../schemas';
import type { SeekPassClient } from '../../transport';

interface AddEntry extends Entry {
	body: AddCredentialBody;
}

export const add: Operation<SeekPassClient> = {
	value: 'add',
	name: 'Add',
	action: 'Add a credential to SEEK Pass',
	description: 'Create an "Add to SEEK Pass" link for one credential',
	properties: [
		credentialTypeProperty,
		...submissionIdProperties('Submission'),
		...credentialFieldProperties,
	],
	// Every item is read and checked before the first link is made.
	execute: batched((op) => ({
		prepare: (itemIndex): AddEntry => {
			const type = op.ctx.getNodeParameter('credentialType', itemIndex) as SeekPassCredentialType;
			const params = new ItemParams(op.ctx, itemIndex, credentialWhat(type));
			const idInput = readSubmissionIdInput(params);
			const { credential, document_type, document } = readCredential(params, type);
			const { id } = params.validate(submissionIdFieldSchema, {
				id: submissionIdFor(idInput, type, credential),
			});
			const data: AddCredentialBody['data'] =
				document === undefined ? { credential } : { credential, document };
			return { itemIndex, body: { id, document_type, credential_type: type, data } };
		},
		send: async ([{ body, itemIndex }]): Promise<IDataObject[]> => {
			const answer = await op.client.addCredential(body, itemIndex);
			const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
			return [
				{
					submissionId: body.id,
					credentialType: body.credential_type,
					redirectUri: link.redirectUri,
					contentId: link.contentId ?? null,
					documentType: link.documentType ?? body.document_type,
					clientId: link.clientId ?? null,
				},
			];
		},
	})),
};
