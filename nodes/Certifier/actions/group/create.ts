import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { designLocator } from '../../descriptions';
import { groupBody } from '../../mapping';
import { locatorValue, stringParam } from '../../params';
import { createGroupSchema } from '../../schemas';
import { perCertifierItem } from '../item';
import { designIdList, optionalString } from './input';

export const createGroup: Operation = {
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
	execute: perCertifierItem(async (c, itemIndex) => {
		const additional = c.ctx.getNodeParameter('additionalFields', itemIndex, {}) as Record<
			string,
			unknown
		>;
		const body = groupBody({
			name: stringParam(c.ctx, 'name', itemIndex),
			designIds: [
				locatorValue(c.ctx, 'design', itemIndex),
				...designIdList(additional.additionalDesignIds),
			],
			learningEventUrl: optionalString(additional, 'learningEventUrl'),
		});
		const valid = validateInput(c.ctx.getNode(), createGroupSchema, body, itemIndex, 'group');
		return { ...(await c.certifier.createGroup(valid, itemIndex)) };
	}),
};
