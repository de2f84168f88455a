// Loads an official AWS API model (botocore service-2.json) and validates request inputs against it: required
// members, types, enums, min/max (lengths and values), patterns and list lengths.
import { readFileSync } from 'node:fs';

interface Shape {
  type: string;
  members?: Record<string, Member>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  enum?: string[];
  pattern?: string;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  payload?: string;
  /** A tagged union: exactly one member may be set. */
  union?: boolean;
  timestampFormat?: string;
}

export interface Member {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers';
  locationName?: string;
  idempotencyToken?: boolean;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}

export interface ApiModel {
  metadata: { protocol: string; targetPrefix?: string; serviceId: string; apiVersion: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export type ModelName = 'ecs' | 'appmesh' | 'servicediscovery' | 'vpc-lattice' | 'cloudwatch' | 'elbv2';

export function loadModel(service: ModelName): Model {
  const raw = JSON.parse(readFileSync(new URL(`./models/${service}.json`, import.meta.url), 'utf8')) as ApiModel;
  return new Model(raw);
}

export class Model {
  private patterns = new Map<string, RegExp | null>();

  constructor(readonly api: ApiModel) {}

  shape(name: string): Shape {
    const shape = this.api.shapes[name];
    if (!shape) throw new Error(`model has no shape ${name}`);
    return shape;
  }

  operation(name: string): Operation | undefined {
    return this.api.operations[name];
  }

  /** HTTP status of a modelled error shape, e.g. 404 for App Mesh's NotFoundException. */
  errorStatus(name: string): number | undefined {
    return this.api.shapes[name]?.error?.httpStatusCode;
  }

  /** The first problem with `value` as an instance of shape `name`, or undefined when it is valid. */
  validate(name: string, value: unknown, path = 'input'): string | undefined {
    const shape = this.shape(name);
    if (value === undefined || value === null) return undefined;
    switch (shape.type) {
      case 'structure': {
        if (typeof value !== 'object' || Array.isArray(value)) return `${path} must be an object`;
        const record = value as Record<string, unknown>;
        for (const req of shape.required ?? []) {
          if (record[req] === undefined || record[req] === null) return `${path}.${req} is required`;
        }
        if (shape.union) {
          const set = Object.keys(shape.members ?? {}).filter((k) => record[k] !== undefined && record[k] !== null);
          if (set.length !== 1) {
            return `${path} must set exactly one of ${Object.keys(shape.members ?? {}).join(', ')}; has ${set.length}`;
          }
        }
        for (const [key, member] of Object.entries(shape.members ?? {})) {
          const problem = this.validate(member.shape, record[key], `${path}.${key}`);
          if (problem) return problem;
        }
        return undefined; // members newer than the model pass through unvalidated
      }
      case 'list': {
        if (!Array.isArray(value)) return `${path} must be a list`;
        const range = this.range(shape, value.length, 'have', 'items');
        if (range) return `${path} must ${range}`;
        for (const [i, item] of value.entries()) {
          const problem = this.validate(shape.member!.shape, item, `${path}[${i}]`);
          if (problem) return problem;
        }
        return undefined;
      }
      case 'map': {
        if (typeof value !== 'object' || Array.isArray(value)) return `${path} must be a map`;
        const entries = Object.entries(value as Record<string, unknown>);
        const range = this.range(shape, entries.length, 'have', 'entries');
        if (range) return `${path} must ${range}`;
        for (const [k, v] of entries) {
          const problem =
            this.validate(shape.key!.shape, k, `${path} key`) ?? this.validate(shape.value!.shape, v, `${path}.${k}`);
          if (problem) return problem;
        }
        return undefined;
      }
      case 'string': {
        if (typeof value !== 'string') return `${path} must be a string`;
        if (shape.enum && !shape.enum.includes(value)) {
          return `${path} must be one of ${shape.enum.join(', ')}; got "${value}"`;
        }
        const range = this.range(shape, value.length, 'be', 'characters long');
        if (range) return `${path} must ${range}`;
        const pattern = this.pattern(shape.pattern);
        if (pattern && !pattern.test(value)) return `${path} must match ${shape.pattern}; got "${value}"`;
        return undefined;
      }
      case 'integer':
      case 'long': {
        if (typeof value !== 'number' || !Number.isInteger(value)) return `${path} must be an integer`;
        if (shape.min !== undefined && value < shape.min) return `${path} must be at least ${shape.min}; got ${value}`;
        if (shape.max !== undefined && value > shape.max) return `${path} must be at most ${shape.max}; got ${value}`;
        return undefined;
      }
      case 'double':
      case 'float':
        return typeof value === 'number' ? undefined : `${path} must be a number`;
      case 'boolean':
        return typeof value === 'boolean' ? undefined : `${path} must be a boolean`;
      case 'timestamp':
        return typeof value === 'number' || typeof value === 'string' ? undefined : `${path} must be a timestamp`;
      default:
        return undefined;
    }
  }

  private range(shape: Shape, n: number, verb: string, unit: string): string | undefined {
    if (shape.min !== undefined && n < shape.min) return `${verb} at least ${shape.min} ${unit}; has ${n}`;
    if (shape.max !== undefined && n > shape.max) return `${verb} at most ${shape.max} ${unit}; has ${n}`;
    return undefined;
  }

  /**
   * Model patterns compiled as JavaScript regular expressions: unicode mode first, then legacy mode for patterns that
   * escape characters unicode mode rejects (e.g. `\-` outside a class); ones JS cannot read at all are skipped.
   * Like Smithy's, they search rather than match whole values unless they carry their own anchors.
   */
  private pattern(source: string | undefined): RegExp | null {
    if (!source) return null;
    if (!this.patterns.has(source)) this.patterns.set(source, compile(source, 'u') ?? compile(source, ''));
    return this.patterns.get(source)!;
  }
}

function compile(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}
