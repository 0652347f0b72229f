/**
 * tool-retired (info): a component's tool names a product that is archived or in maintenance mode
 * (TorchServe was archived in August 2025; Hugging Face TGI is in maintenance mode). A design for a
 * new system should not start on a dead end; the hint names the maintained alternatives.
 */
import { nodeLabel, nodeStage } from '../../diagram';
import { productsIn } from '../../toolFit';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per component whose tool names a retired product. */
export const toolRetired: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const node of ctx.components) {
    if (typeof node.props.tool !== 'string') continue;
    const retired = productsIn(node.props.tool).find((p) => p.retired);
    if (!retired?.retired) continue;
    const stage = nodeStage(node);
    findings.push({
      rule: 'tool-retired',
      severity: 'info',
      ...(stage ? { stage } : {}),
      nodeIds: [node.id],
      message: `"${nodeLabel(node)}" uses ${retired.text}, which ${retired.retired.status}: choose ${retired.retired.instead}.`,
      hint: `${retired.retired.product} ${retired.retired.status}; maintained alternatives: ${retired.retired.instead}.`,
    });
  }
  return findings;
};
