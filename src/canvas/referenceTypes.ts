import type { Edge, Node } from '@xyflow/react';
import { createContext } from 'react';
import type { ReferenceStatus } from '../domain/compareMatch';
import type { EdgeKind } from '../domain/diagram';
import type { NodeData } from './flowTypes';

/** How a reference node is drawn in the comparison: its status, and whether the hover highlights it. */
export type ReferenceNodeData = NodeData & { status: ReferenceStatus; highlight?: boolean };
export type ReferenceFlowNode = Node<ReferenceNodeData, 'component' | 'zone' | 'note'>;
export type ReferenceFlowEdge = Edge<{ kind: EdgeKind; label?: string; highlight?: boolean }, 'flow'>;

/** What a reference node's buttons do: add the missing component to your design (the callbacks stay out of node data). */
export const ReferenceActions = createContext<{ add(id: string): void } | null>(null);
