import { NodeOperationError, type INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';
import { validateInput } from '../../../common/validation';
import { credentialBody, credentialUpdateBody } from '../../mapping';
import { customAttributeRows, locatorValue, stringParam } from '../../params';
import {
	customAttributeRowsSchema,
	type CreateCredentialBody,
	type UpdateCredentialBody,
	updateCredentialSchema,
} from '../../schemas';
import {
	customAttributesField,
	expiryDateField,
	groupLocator,
	includeGroupOption,
	issueDateField,
	recipientEmailField,
	recipientNameField,
} from '../../descriptions';
import type { CertifierContext } from '../item';

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
export function readCustomAttributes(
	c: CertifierContext,
	path: string,
	itemIndex: number,
): Record<string, string> {
	return validateInput(
		c.ctx.getNode(),
		customAttributeRowsSchema,
		customAttributeRows(c.ctx, path, itemIndex),
		itemIndex,
		'custom attributes',
	);
}

/** The create body (draft or create-issue-send) from the editor, validated by `schema`. */
export function readCreateBody(
	c: CertifierContext,
	itemIndex: number,
	schema: z.ZodType<CreateCredentialBody, z.ZodTypeDef, unknown>,
): CreateCredentialBody {
	const { ctx } = c;
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as Record<
		string,
		unknown
	>;
	const body = credentialBody({
		groupId: locatorValue(ctx, 'group', itemIndex),
		recipientName: stringParam(ctx, 'recipientName', itemIndex),
		recipientEmail: stringParam(ctx, 'recipientEmail', itemIndex),
		issueDate: additional.issueDate,
		expiryDate: additional.expiryDate,
		customAttributes: readCustomAttributes(c, 'customAttributes.attribute', itemIndex),
	});
	return validateInput(ctx.getNode(), schema, body, itemIndex, 'credential');
}

/** The PATCH body from the Update Fields collection, validated. */
export function readUpdateBody(c: CertifierContext, itemIndex: number): UpdateCredentialBody {
	const { ctx } = c;
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as Record<string, unknown>;
	const body = credentialUpdateBody({
		recipientName: fields.recipientName,
		recipientEmail: fields.recipientEmail,
		issueDate: fields.issueDate,
		expiryDate: fields.expiryDate,
		clearExpiryDate: fields.clearExpiryDate === true,
		customAttributes: readCustomAttributes(c, 'updateFields.customAttributes.attribute', itemIndex),
	});
	if (fields.clearExpiryDate === true && fields.expiryDate) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid credential update in item ${itemIndex}: expiryDate: set a new Expiry Date or turn on Clear Expiry Date, not both`,
			{ itemIndex },
		);
	}
	return validateInput(ctx.getNode(), updateCredentialSchema, body, itemIndex, 'credential update');
}
