import type { IExecuteFunctions } from 'n8n-workflow';
import type { ItemParams } from '../../common/item-params';
import {
	SEEK_PASS_ADD_SCOPES,
	type SeekPassCredentialType,
	type SeekPassScope,
} from '../constants';

/**
 * The scopes the SEEK Pass credential asks for, as n8n sends them to the token endpoint (its
 * `scope` text, space-separated). Undefined when it asks for none: then SEEK Pass decides, and
 * nothing can be checked in advance.
 */
export async function grantedScopes(ctx: IExecuteFunctions): Promise<Set<string> | undefined> {
	const credentials = await ctx.getCredentials('seekPassOAuth2Api');
	const raw = credentials.scope;
	const text = Array.isArray(raw) ? raw.join(' ') : typeof raw === 'string' ? raw : '';
	const scopes = text.split(/\s+/).filter(Boolean);
	return scopes.length > 0 ? new Set(scopes) : undefined;
}

/** The scopes a request needs that the credential does not ask for. */
export function missingScopes(
	needed: readonly string[],
	granted: Set<string> | undefined,
): string[] {
	if (granted === undefined) return [];
	return needed.filter((scope) => !granted.has(scope));
}

/**
 * Fails the item, before any request, when the credential does not ask for a scope the request
 * needs: SEEK Pass would refuse it with 403 insufficient_scope after a token round trip.
 */
export function checkScopes(
	params: ItemParams,
	needed: readonly string[],
	granted: Set<string> | undefined,
): void {
	const missing = missingScopes(needed, granted);
	if (missing.length === 0) return;
	params.fail(
		'scope',
		`this request needs ${missing.join(' and ')}, which the SEEK Pass credential does not ask for: add it to the credential’s Scopes (SEEK Pass must have granted it to your partner account)`,
	);
}

/** The scope an add of this type needs (a batch needs the scope of every type it carries). */
export function addScopes(types: readonly SeekPassCredentialType[]): SeekPassScope[] {
	return [...new Set(types.map((type) => SEEK_PASS_ADD_SCOPES[type]))];
}
