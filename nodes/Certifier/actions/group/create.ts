import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { designLocator } from '../../helpers/fields';
import { designIdList, optionalString } from '../../helpers/group-input';
import { groupBody } from '../../helpers/mapping';
import { createGroupSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

export const create: Operation<CertifierClient> = {
	value: 'create',
	name: 'Create',
	action: 'Create a group',
	description: 'Create a group (a credential template) with its design',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Introduction to Data Science',
			description: 'Name of the course or event; shown on credentials as the group name',
		},
		designLocator('The certificate or badge design credentials of this group use'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Additional Design Names or IDs',
					name: 'additionalDesignIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getDesigns' },
					default: [],
					description:
						'More designs, e.g. a badge next to a certificate. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Learning Event URL',
					name: 'learningEventUrl',
					type: 'string',
					default: '',
					placeholder: 'https://example.org/course',
					description: 'Page of the course or event, shown in the digital wallet',
				},
			],
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'group');
		const additional = params.collection('additionalFields');
		const body = groupBody({
			name: params.text('name'),
			designIds: [params.locator('design'), ...designIdList(additional.additionalDesignIds)],
			learningEventUrl: optionalString(additional, 'learningEventUrl'),
		});
		return { ...(await client.createGroup(params.validate(createGroupSchema, body), itemIndex)) };
	}),
};
