import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { DigiLockerOperation } from './operation';

const withDisplay = (
	property: INodeProperties,
	key: 'show' | 'hide',
	extra: Record<string, boolean[]>,
): INodeProperties => ({
	...property,
	displayOptions: {
		...property.displayOptions,
		[key]: { ...property.displayOptions?.[key], ...extra },
	},
});

/**
 * A resource's Operation field twice: all operations for the node, and only those an AI agent may run for its tool
 * variant ("DigiLocker Tool", where n8n's `@tool` display option is true). The router enforces the same list.
 */
export function operationsForAgents(
	description: INodeProperties[],
	operations: Record<string, DigiLockerOperation>,
): INodeProperties[] {
	return description.flatMap((property) => {
		if (property.name !== 'operation' || !property.options) return [property];
		const allowed = (property.options as INodePropertyOptions[]).filter(
			(option) => operations[String(option.value)]?.availableToAgents,
		);
		const forNode = withDisplay(property, 'hide', { '@tool': [true] });
		if (allowed.length === 0) return [forNode];
		const defaultAllowed = allowed.some((option) => option.value === property.default);
		const forAgents = withDisplay(
			{
				...property,
				options: allowed,
				default: defaultAllowed ? property.default : allowed[0].value,
			},
			'show',
			{ '@tool': [true] },
		);
		return [forNode, forAgents];
	});
}
