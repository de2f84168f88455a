// Traffic routing behind one interface (as Flagger's pkg/router does): App Mesh is the first implementation; a
// VPC Lattice or ECS Service Connect router can be added beside it without touching planning or apply.
import type { Change } from '../plan/types.js';
import type { Weights } from '../plan/weights.js';

export interface TrafficState {
  /** The current split, or undefined when no route exists yet. */
  weights?: Weights;
  /** Identifier of the route the split lives in (output `route-arn`). */
  routeId?: string;
}

/** What a router needs to create routing from scratch: the stable backend's listener. */
export interface ListenerHint {
  port: number;
  protocol: string;
}

export interface TrafficRouter<S extends TrafficState = TrafficState> {
  readonly name: string;
  /** 'weights' reads only what shift/rollback need (the route); 'full' also reads the router and the entry point. */
  read(scope: 'weights' | 'full'): Promise<S>;
  /** Changes that set the split to `target`, creating routing resources when missing (then `listener` is needed). */
  planWeights(state: S, target: Weights, listener?: ListenerHint): Change[];
  /** Changes that make the entry point (e.g. the App Mesh virtual service) send its traffic through the router. */
  planEntryPoint(state: S): Change[];
}
