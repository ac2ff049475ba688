import type { SeekPassCredentialType, SeekPassV1Type } from '../constants';
import type { AddCredentialBody, AddCredentialV2Body, SeekPassAsset } from '../schemas';
import { partnerChainOutside, type PreparedCredential } from './fields';

/**
 * The two single-add envelopes (reference §4.1 and §3; placement of partner_chain per the lead's
 * contract). Both take a credential already read and validated (readCredential/validateCredential).
 */

/** v1: `{id, document_type, credential_type, data: {credential, document?, partner_chain?}}`. */
export function v1Body(
	type: SeekPassV1Type,
	prepared: PreparedCredential,
	id: string,
): AddCredentialBody {
	const credential = { ...prepared.credential };
	const data: AddCredentialBody['data'] = { credential };
	if (prepared.partner_chain !== undefined) {
		// digital_identity: beside the credential in `data`; career_history: inside it.
		if (partnerChainOutside('v1', type)) data.partner_chain = prepared.partner_chain;
		else credential.partner_chain = prepared.partner_chain;
	}
	if (prepared.document !== undefined) data.document = prepared.document;
	return { id, document_type: prepared.document_type, credential_type: type, data };
}

/**
 * v2: `{credential_id, fields, assets?}`, plus `partner_chain` beside `fields` for career_history
 * and digital_identity. `assets` is sent only when there are some (reference §5.7: omit when none).
 */
export function v2Body(
	type: SeekPassCredentialType,
	prepared: PreparedCredential,
	id: string,
	assets?: SeekPassAsset[],
): AddCredentialV2Body {
	const fields = { ...prepared.credential };
	const body: AddCredentialV2Body = { credential_id: id, fields };
	if (assets !== undefined && assets.length > 0) body.assets = assets;
	if (prepared.partner_chain !== undefined) {
		if (partnerChainOutside('v2', type)) body.partner_chain = prepared.partner_chain;
		else fields.partner_chain = prepared.partner_chain;
	}
	return body;
}
