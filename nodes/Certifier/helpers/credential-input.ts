import type { INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';
import type { ItemParams } from '../../common/item-params';
import {
	customAttributeRowsSchema,
	type CreateCredentialBody,
	type UpdateCredentialBody,
	updateCredentialSchema,
} from '../schemas';
import {
	customAttributesField,
	expiryDateField,
	groupLocator,
	includeGroupOption,
	issueDateField,
	recipientEmailField,
	recipientNameField,
} from './fields';
import { credentialBody, credentialUpdateBody } from './mapping';

/**
 * The editor fields of Create Draft and Create, Issue and Send: the same body, except that
 * sending needs an email and that the group is added to the output by default.
 */
export function createProperties(sending: boolean): INodeProperties[] {
	return [
		groupLocator('The group (credential template) the credential belongs to'),
		recipientNameField(),
		recipientEmailField(sending),
		customAttributesField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				expiryDateField(
					"Day the credential expires (only the date is used); the group's setting applies when empty",
				),
				issueDateField('Day of issue (only the date is used); Certifier uses today when empty'),
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [includeGroupOption(sending)],
		},
	];
}

/** Custom attribute rows of the editor as Certifier's key-value object, checked. */
export function readCustomAttributes(params: ItemParams, path: string): Record<string, string> {
	const rows = params.raw<unknown>(path, []);
	return params.validate(
		customAttributeRowsSchema,
		Array.isArray(rows) ? rows : [],
		'custom attributes',
	);
}

/** The create body (draft or create-issue-send) from the editor, validated by `schema`. */
export function readCreateBody(
	params: ItemParams,
	schema: z.ZodType<CreateCredentialBody, z.ZodTypeDef, unknown>,
): CreateCredentialBody {
	const additional = params.collection('additionalFields');
	const body = credentialBody({
		groupId: params.locator('group'),
		recipientName: params.text('recipientName'),
		recipientEmail: params.text('recipientEmail'),
		issueDate: additional.issueDate,
		expiryDate: additional.expiryDate,
		customAttributes: readCustomAttributes(params, 'customAttributes.attribute'),
	});
	return params.validate(schema, body, 'credential');
}

/** The PATCH body from the Update Fields collection, validated. */
export function readUpdateBody(params: ItemParams): UpdateCredentialBody {
	const fields = params.collection('updateFields');
	const body = credentialUpdateBody({
		recipientName: fields.recipientName,
		recipientEmail: fields.recipientEmail,
		issueDate: fields.issueDate,
		expiryDate: fields.expiryDate,
		clearExpiryDate: fields.clearExpiryDate === true,
		customAttributes: readCustomAttributes(params, 'updateFields.customAttributes.attribute'),
	});
	if (fields.clearExpiryDate === true && fields.expiryDate) {
		params.fail('expiryDate', 'set a new Expiry Date or turn on Clear Expiry Date, not both');
	}
	return params.validate(updateCredentialSchema, body, 'credential update');
}
