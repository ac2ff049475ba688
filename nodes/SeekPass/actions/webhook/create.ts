import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { webhookCreateSchema } from '../../schemas';
import { pick } from '../item-params';
import { runPrepared } from '../../../common/items/legacy';
import { webhookLabelOptions, webhookUrlProperty, withSecret } from '../../helpers/webhook';

export const create: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a webhook',
	description:
		'Register a URL for verification events. The output includes the webhook’s signing secret: keep it safe (only Create and Rotate Secret output it).',
	properties: [
		{ ...webhookUrlProperty, required: true },
		{
			displayName: 'Additional Fields',
			name: 'webhookFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: webhookLabelOptions,
		},
	],
	execute: async (op) => {
		const client = new SeekPassClient(op.client);
		return await runPrepared(
			op,
			(itemIndex) => {
				const fields = op.ctx.getNodeParameter('webhookFields', itemIndex, {}) as IDataObject;
				const body = { url: op.ctx.getNodeParameter('url', itemIndex), ...pick(fields, ['name', 'description']) };
				return validateInput(op.ctx.getNode(), webhookCreateSchema, body, itemIndex, 'SEEK Pass webhook');
			},
			async (body, itemIndex) => withSecret(await client.createWebhook(body, itemIndex)),
		);
	},
};
