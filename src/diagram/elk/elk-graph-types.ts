/**
 * The subset of ELK's JSON graph format that the map uses, so that the graph
 * crossing the worker boundary is plain data with a type.
 */

export type LayoutOptions = Record<string, string>;

export interface ElkPoint {
    x: number;
    y: number;
}

export interface ElkEdgeSection {
    startPoint: ElkPoint;
    endPoint: ElkPoint;
    bendPoints?: ElkPoint[];
}

export interface ElkEdge {
    id: string;
    sources: string[];
    targets: string[];
    /** Set by ELK: the node whose coordinate system the sections use. */
    container?: string;
    sections?: ElkEdgeSection[];
}

export interface ElkPort {
    id: string;
    x?: number;
    y?: number;
    layoutOptions?: LayoutOptions;
}

export interface ElkNode {
    id: string;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    layoutOptions?: LayoutOptions;
    ports?: ElkPort[];
    children?: ElkNode[];
    edges?: ElkEdge[];
}
