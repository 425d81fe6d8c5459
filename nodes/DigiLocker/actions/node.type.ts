import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	authorization: 'getAuthorizationUrl' | 'exchangeCode' | 'refreshToken' | 'revokeToken';
};

export type DigiLockerType = AllEntities<NodeMap>;
