import type { INodeProperties } from 'n8n-workflow';

export type Environment = 'staging' | 'production' | 'custom';

export interface EnvironmentHosts {
	staging: string;
	production: string;
}

/** The Environment + Custom Base URL fields shared by the OAuth2 credentials. */
export function environmentProperties(
	serviceName: string,
	hosts: EnvironmentHosts,
): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Staging', value: 'staging', description: hosts.staging },
				{ name: 'Production', value: 'production', description: hosts.production },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: `Another ${serviceName} host, e.g. this package's local sandbox`,
				},
			],
			default: 'staging',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4780/...',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}

/** An n8n expression giving `<base URL><path>` from the credential's own fields ($self). */
export function selfUrlExpression(hosts: EnvironmentHosts, path: string): string {
	return (
		'={{ ($self["environment"] === "custom" ? String($self["customBaseUrl"]).replace(/\\/+$/, "") : ' +
		`($self["environment"] === "production" ? "${hosts.production}" : "${hosts.staging}")) + "${path}" }}`
	);
}

/** The base URL as an expression over $credentials, for a credential's test request. */
export function credentialsBaseUrlExpression(hosts: EnvironmentHosts): string {
	return (
		'={{ $credentials.environment === "custom" ? String($credentials.customBaseUrl).replace(/\\/+$/, "") : ' +
		`($credentials.environment === "production" ? "${hosts.production}" : "${hosts.staging}") }}`
	);
}

/** The same base URL, computed in code from decrypted credential data. */
export function baseUrlOf(credentials: Record<string, unknown>, hosts: EnvironmentHosts): string {
	const environment = credentials.environment as Environment | undefined;
	if (environment === 'custom') return String(credentials.customBaseUrl ?? '').replace(/\/+$/, '');
	return environment === 'production' ? hosts.production : hosts.staging;
}
