/**
 * tool-misfit: a component's tool names well-known products and none of them fits what the
 * component is (the tool-fit table of domain.md section 4): Airflow as a stream queue, Redis as a
 * data warehouse, Elasticsearch as a feature store. An interviewer reads a wrong tool as not knowing
 * what the box does. A tool that names no known product is never a misfit, nor is a custom component;
 * a component that also acts as other kinds fits when any of them fits.
 */
import { nodeLabel } from '../../diagram';
import { kindInfo } from '../../catalogue';
import { kindsOf } from '../../roleRules';
import { productFits, productsIn } from '../../toolFit';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per component whose named products all belong to other kinds of component. */
export const toolMisfit: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const node of ctx.components) {
    if (node.kind === 'custom' || typeof node.props.tool !== 'string') continue;
    const products = productsIn(node.props.tool);
    if (products.length === 0) continue;
    const kinds = kindsOf(node);
    if (products.some((p) => productFits(p, kinds))) continue;
    const p = products[0];
    const category = p.categories[0]?.label ?? 'another kind of tool';
    findings.push({
      rule: 'tool-misfit',
      severity: 'warning',
      ...(kindInfo(node.kind).stage ? { stage: kindInfo(node.kind).stage! } : {}),
      nodeIds: [node.id],
      message: `"${nodeLabel(node)}" is a ${kindInfo(node.kind).label} but its tool, ${p.text}, is a ${category}: pick a ${kindInfo(node.kind).label.toLowerCase()} tool, or change the component's kind (or mark what else it acts as).`,
      hint: 'Name tools for what the component does: a broker carries events, a stream processor computes on them, a warehouse stores history, a key-value store serves lookups, an orchestrator schedules jobs.',
    });
  }
  return findings;
};
