import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import type { HttpFailure } from './failure';
import { redact, redactText } from './redact';
import type { ServiceDefinition } from './service';

export interface ApiErrorContext {
	service: ServiceDefinition;
	method: string;
	path: string;
	attempts: number;
	itemIndex?: number;
	secrets: readonly string[];
	/** A write that cannot be repeated failed in a way that does not say whether it took effect. */
	outcomeUnknown?: boolean;
}

function summary(failure: HttpFailure, service: ServiceDefinition): string {
	if (failure.status === undefined) {
		return `${service.displayName} could not be reached (${failure.networkCode ?? 'network error'})`;
	}
	return `${service.displayName} answered ${failure.status}`;
}

/**
 * Turns a failed exchange into the NodeApiError users see: HTTP status, the vendor's own code and
 * message, the fields it blamed, and the item — built from a clean object, never from the Axios
 * error, whose request config carries the Authorization header.
 */
export function toNodeApiError(
	node: INode,
	failure: HttpFailure,
	context: ApiErrorContext,
): NodeApiError {
	const { service, secrets } = context;
	const vendor = failure.body === undefined ? undefined : service.parseError(failure.body);
	const headline = summary(failure, service);
	const vendorText =
		vendor?.message ?? (failure.status === undefined ? failure.message : undefined);
	const message = redactText(
		[headline, vendor?.code ? `[${vendor.code}]` : '', vendorText ? `: ${vendorText}` : '']
			.filter(Boolean)
			.join(' ')
			.replace(' :', ':'),
		secrets,
	);
	const retried = context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
	const fields = vendor?.fields?.length ? ` Fields: ${vendor.fields.join(', ')}.` : '';
	const unknown = context.outcomeUnknown
		? ` ${service.displayName} may have carried it out before the connection failed; it was not sent again, so nothing is done twice. Check ${service.displayName} before running this item again.`
		: '';
	const description = redactText(
		`${context.method} ${context.path}${retried}.${fields}${unknown}`,
		secrets,
	);
	const clean: JsonObject = redact(
		{
			message,
			service: service.displayName,
			httpCode: failure.status === undefined ? null : String(failure.status),
			vendorCode: vendor?.code ?? null,
			vendorMessage: vendor?.message ?? null,
			fields: vendor?.fields ?? [],
			networkCode: failure.networkCode ?? null,
			outcomeUnknown: context.outcomeUnknown === true,
			vendorResponse: (failure.body ?? null) as JsonObject,
		},
		secrets,
	);
	const error = new NodeApiError(node, clean, {
		message,
		description,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex: context.itemIndex,
	});
	error.context.vendorCode = vendor?.code;
	error.context.fields = vendor?.fields;
	if (context.outcomeUnknown) error.context.outcomeUnknown = true;
	return error;
}
