import type { IDataObject } from 'n8n-workflow';
import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { verificationRequestIdSchema } from '../../schemas';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a verification result',
	description: 'The status of a verification request and, once verified, the person’s verified details',
	properties: [
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. {{ $json.requestId }}',
			description: 'The ID the verification request was created with',
		},
	],
	execute: perItem(async ({ ctx, client }, itemIndex): Promise<IDataObject> => {
		const { request_id } = validateInput(
			ctx.getNode(),
			verificationRequestIdSchema,
			{ request_id: ctx.getNodeParameter('requestId', itemIndex) },
			itemIndex,
			'verification request ID',
		);
		return (await new SeekPassClient(client).getVerification(request_id, itemIndex)) as IDataObject;
	}),
};
