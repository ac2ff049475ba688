import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The credential's "Ignore SSL Issues" switch, shown only while the credential points at a
 * custom host. n8n drops a credential field its display options hide before anyone reads it, so a
 * switch turned on for a test host has no effect once the vendor's own host is selected again.
 * Named as in n8n's oAuth2Api: n8n's OAuth2 token requests read this very field.
 */
export function ignoreSslIssuesProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Ignore SSL Issues (Insecure)',
		name: 'ignoreSSLIssues',
		type: 'boolean',
		default: false,
		displayOptions,
		description:
			"Whether to connect even when the custom host's TLS certificate cannot be verified (self-signed, expired, wrong name). Insecure: anyone on the network path could read or change the traffic, secrets included. For test hosts only; to trust a private CA, set NODE_EXTRA_CA_CERTS instead.",
	};
}
