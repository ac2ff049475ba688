import type { INodeProperties } from 'n8n-workflow';
import { environmentProperties, selfUrlExpression, type EnvironmentHosts } from './environment';

/**
 * The fields an OAuth2 client-credentials credential shares: where the service lives, and the
 * hidden settings that make n8n's oAuth2Api fetch tokens from `<base URL><tokenPath>` — with the
 * client id and secret in the form body or in a Basic header, as the vendor requires.
 */
export function clientCredentialsProperties(options: {
	serviceName: string;
	hosts: EnvironmentHosts;
	tokenPath: string;
	authentication: 'body' | 'header';
}): INodeProperties[] {
	return [
		...environmentProperties(options.serviceName, options.hosts),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: selfUrlExpression(options.hosts, options.tokenPath),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		...(options.authentication === 'body'
			? [CLIENT_AUTH_IN_BODY, NO_ADDITIONAL_BODY_PROPERTIES]
			: [CLIENT_AUTH_IN_HEADER]),
	];
}

// Two literal fields rather than one with a computed default: n8n's lint reads defaults literally.
const CLIENT_AUTH_IN_BODY: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	default: 'body',
};

const CLIENT_AUTH_IN_HEADER: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	default: 'header',
};

// oAuth2Api offers a "Send Additional Body Properties" switch with body authentication; the
// token request needs nothing more, and the switch only puzzled people making the credential.
const NO_ADDITIONAL_BODY_PROPERTIES: INodeProperties = {
	displayName: 'Send Additional Body Properties',
	name: 'sendAdditionalBodyProperties',
	type: 'hidden',
	default: false,
};
