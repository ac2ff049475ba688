import type { IDataObject } from 'n8n-workflow';
import { asItemError } from '../../../common/items/item-errors';
import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { validateInput } from '../../../common/validation';
import { isNotFound, SeekPassClient } from '../../transport';
import { submissionIdFieldSchema } from '../../schemas';
import { statusItem } from '../../helpers/status-item';

export const getStatus: Operation = {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of a submission',
	description: 'Whether the person added the credential (verified), declined or let it expire (canceled), or has not finished (incomplete)',
	properties: [
		{
			displayName: 'Submission ID',
			name: 'submissionId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme-uni-a9a4839f-53d9-4064-8b0b-1348113a33f8',
			description: 'Your ID of the submission, as sent to Add',
		},
	],
	execute: perItem(async ({ ctx, client }, itemIndex): Promise<IDataObject> => {
		const { id } = validateInput(
			ctx.getNode(),
			submissionIdFieldSchema,
			{ id: ctx.getNodeParameter('submissionId', itemIndex) },
			itemIndex,
			'submission ID',
		);
		try {
			return statusItem(id, await new SeekPassClient(client).submissionStatus(id, itemIndex));
		} catch (error) {
			if (isNotFound(error)) return statusItem(id, undefined);
			throw asItemError(ctx, error, itemIndex);
		}
	}),
};
