import type { Edge, Node } from '@xyflow/react';
import type { KindId } from '../domain/catalogue';
import type { EdgeKind, NodeProps } from '../domain/diagram';

/** What a React Flow node carries: plain JSON copied from the diagram node. */
export type NodeData = {
  kind: KindId;
  label?: string;
  props: NodeProps;
  /** Unsuppressed findings naming the node, when there are any (from the canvas's one check subscription). */
  badge?: { error: number; warning: number; info: number };
  /** The sizing line of a sized component ("15.4 TB RAM", "~4 x 8 H100"): derived from the whole design. */
  sizing?: string;
};
export type ComponentFlowNode = Node<NodeData, 'component'>;
export type ZoneFlowNode = Node<NodeData, 'zone'>;
export type NoteFlowNode = Node<NodeData, 'note'>;
export type FlowNode = ComponentFlowNode | ZoneFlowNode | NoteFlowNode;

export type EdgeData = { kind: EdgeKind; label?: string; editing?: boolean };
export type FlowEdge = Edge<EdgeData, 'flow'>;
