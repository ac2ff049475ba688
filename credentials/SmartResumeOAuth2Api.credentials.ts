import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsProperties } from '../nodes/common/client-credentials';
import { credentialsBaseUrlExpression } from '../nodes/common/environment';
import { ignoreSslIssuesProperty } from '../nodes/common/ignore-ssl-issues';
import {
	SMART_RESUME_HOSTS,
	SMART_RESUME_PATHS,
	SMART_RESUME_SCOPE,
} from '../nodes/SmartResume/constants';

export class SmartResumeOAuth2Api implements ICredentialType {
	name = 'smartResumeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SmartResume OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/smartresume.svg',
		dark: 'file:../icons/smartresume.dark.svg',
	};

	documentationUrl =
		'https://github.com/career-credentials/n8n-nodes-career-credentials#smartresume';

	properties: INodeProperties[] = [
		// CredentialConnect authenticates the token request with HTTP Basic (Client ID : Access Key).
		...clientCredentialsProperties({
			serviceName: 'SmartResume',
			hosts: SMART_RESUME_HOSTS,
			tokenPath: SMART_RESUME_PATHS.oauth,
			authentication: 'header',
		}).map(labelEnvironments),
		ignoreSslIssuesProperty({ show: { environment: ['custom'] } }),
		{
			displayName: 'Access Key',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Access Key your SmartResume account manager gave you, paired with the Client ID',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: SMART_RESUME_SCOPE,
			description: 'Space-separated scopes; CredentialConnect documents "delete readonly replace"',
		},
	];

	// CredentialConnect has no read endpoint; asking the token endpoint itself proves the pair.
	test: ICredentialTestRequest = {
		request: {
			baseURL: credentialsBaseUrlExpression(SMART_RESUME_HOSTS),
			url: SMART_RESUME_PATHS.oauth,
			method: 'POST',
			auth: { username: '={{$credentials.clientId}}', password: '={{$credentials.clientSecret}}' },
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&scope=delete%20readonly%20replace',
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues === true}}',
		},
	};
}

/**
 * Environments labelled by what CredentialConnect publishes: only the staging host. "A different
 * URL will be provided for our Production environment": that URL goes in Custom Base URL. Labels
 * only; the values (and credentials saved with them) are unchanged.
 */
function labelEnvironments(property: INodeProperties): INodeProperties {
	if (property.name === 'customBaseUrl') {
		return {
			...property,
			description: 'The production URL SmartResume gave you at onboarding, or the local sandbox',
		};
	}
	if (property.name !== 'environment') return property;
	return {
		...property,
		options: [
			{
				name: 'Staging (MyStage)',
				value: 'staging',
				description: `${SMART_RESUME_HOSTS.staging}, the published test server`,
			},
			{
				name: 'Production (Unpublished Host)',
				value: 'production',
				description: `${SMART_RESUME_HOSTS.production}, assumed; SmartResume provides the production URL at onboarding: prefer Custom Base URL with it`,
			},
			{
				name: 'Custom Base URL',
				value: 'custom',
				description: 'The production URL SmartResume provided at onboarding, or the local sandbox',
			},
		],
	};
}
