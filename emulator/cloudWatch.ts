// Amazon CloudWatch alarms, as DescribeAlarms and SetAlarmState see them: metric alarms whose state the test scripts
// (there are no metrics), and composite alarms whose AlarmRule is evaluated over the states of the alarms it names, as
// AWS evaluates it — when one of them changes state. Test controls: put alarms, set a state now, set one once a
// condition holds (the canary's share of traffic, or any predicate over the emulator, checked on every request the
// emulator serves and every traffic simulation), and tie an alarm to the 5xx answers of the traffic simulation.
import { ACCOUNT, AwsError, epochSeconds } from './common.js';
import type { Emulator } from './server.js';
import type { CanaryWhere } from './traffic.js';

type Json = Record<string, any>;

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type AlarmType = 'MetricAlarm' | 'CompositeAlarm';
const STATES: AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

/** What a metric alarm watches, as DescribeAlarms shows it (the emulator has no metrics: it is description only). */
export interface MetricConfig {
  namespace: string;
  metricName: string;
  statistic: 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';
  dimensions: { Name: string; Value: string }[];
  period: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator: string;
  treatMissingData: string;
}

const DEFAULT_METRIC: MetricConfig = {
  namespace: 'Emulator/Traffic',
  metricName: 'HTTPCode_5XX_Count',
  statistic: 'Sum',
  dimensions: [],
  period: 60,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: 'GreaterThanOrEqualToThreshold',
  treatMissingData: 'notBreaching',
};

/** A composite alarm's AlarmRule, parsed. */
export type Rule =
  | { fn: AlarmState; alarm: string }
  | { op: 'AND' | 'OR'; left: Rule; right: Rule }
  | { op: 'NOT'; arg: Rule }
  | { value: boolean };

export interface Alarm {
  name: string;
  arn: string;
  type: AlarmType;
  state: AlarmState;
  reason: string;
  reasonData?: string;
  description?: string;
  actions: { alarm: string[]; ok: string[]; insufficientData: string[] };
  /** ms since epoch: any state update, a change of state value, the last configuration change. */
  stateUpdatedAt: number;
  stateTransitionedAt: number;
  configUpdatedAt: number;
  /** Metric alarms. */
  metric?: MetricConfig;
  /** Composite alarms: the rule as given, parsed, and the states of its alarms when it was last evaluated. */
  rule?: string;
  parsed?: Rule;
  lastInputs?: string;
}

export interface AlarmOptions {
  /** The alarm's state: a new metric alarm starts INSUFFICIENT_DATA, as on AWS; an update keeps its state. */
  state?: AlarmState;
  reason?: string;
  description?: string;
  alarmActions?: string[];
  okActions?: string[];
}

export interface MetricAlarmOptions extends AlarmOptions {
  metric?: Partial<MetricConfig>;
}

/** When `setStateWhen` fires: the canary's share of traffic (percent) reaches a value, or any predicate holds. */
export type StateCondition = ({ canaryWeightAtLeast: number } & CanaryWhere) | ((emu: Emulator) => boolean);

interface Trigger {
  alarm: string;
  state: AlarmState;
  reason: () => string;
  when: () => boolean;
}

const INITIAL_REASON = 'Unchecked: Initial alarm creation';
const PAGE = 50;

export class CloudWatch {
  alarms = new Map<string, Alarm>();
  /** Answers of the traffic simulation that were 5xx from tasks running a broken image, in all. */
  served5xx = 0;
  private triggers: Trigger[] = [];
  private evaluating = false;

  constructor(private readonly opts: { region: string; emulator: Emulator }) {}

  private arn(name: string): string {
    return `arn:aws:cloudwatch:${this.opts.region}:${ACCOUNT}:alarm:${name}`;
  }

  // --- test controls ----------------------------------------------------------------------------------------------

  /** Creates or updates a metric alarm. */
  putMetricAlarm(name: string, opts: MetricAlarmOptions = {}): Alarm {
    const existing = this.alarms.get(name);
    if (existing && existing.type !== 'MetricAlarm') throw new Error(`Alarm ${name} is a composite alarm`);
    const now = Date.now();
    const alarm = existing ?? this.newAlarm(name, 'MetricAlarm', now);
    alarm.metric = { ...DEFAULT_METRIC, ...existing?.metric, ...opts.metric };
    this.configure(alarm, opts, now);
    this.evaluateComposites();
    return alarm;
  }

  /**
   * Creates or updates a composite alarm. Its rule is evaluated at once, unless `state` is given: then it keeps that
   * state until one of the alarms its rule names changes state.
   */
  putCompositeAlarm(name: string, rule: string, opts: AlarmOptions = {}): Alarm {
    const existing = this.alarms.get(name);
    if (existing && existing.type !== 'CompositeAlarm') throw new Error(`Alarm ${name} is a metric alarm`);
    const parsed = parseRule(rule);
    const refs = [...new Set(referencesOf(parsed).map((ref) => this.nameOf(ref)))];
    for (const ref of refs) {
      if (!this.alarms.has(ref)) throw new Error(`AlarmRule of ${name} names alarm ${ref}, which does not exist`);
      if (ref === name || this.dependsOn(ref, name)) throw new Error(`AlarmRule of ${name} is circular through ${ref}`);
    }
    const now = Date.now();
    const alarm = existing ?? this.newAlarm(name, 'CompositeAlarm', now);
    alarm.rule = rule;
    alarm.parsed = parsed;
    this.configure(alarm, opts, now);
    alarm.lastInputs = opts.state ? this.inputsOf(alarm) : undefined;
    this.evaluateComposites();
    return alarm;
  }

  /** Sets an alarm's state now (as SetAlarmState does); composite alarms naming it are evaluated. */
  setState(name: string, state: AlarmState, reason: string, reasonData?: string): Alarm {
    const alarm = this.alarm(name);
    this.transition(alarm, state, reason, reasonData);
    this.evaluateComposites();
    return alarm;
  }

  /**
   * Sets the alarm's state, once, as soon as `when` holds: `{ canaryWeightAtLeast: 10 }` is the canary's share of
   * traffic (percent; see Emulator.canaryWeight, whose defaults the condition's other members override) at 10 or more;
   * a function is any predicate over the emulator. Checked on every request the emulator serves and every traffic
   * simulation.
   */
  setStateWhen(name: string, state: AlarmState, reason: string, when: StateCondition): void {
    this.alarm(name);
    const emu = this.opts.emulator;
    const test =
      typeof when === 'function'
        ? () => when(emu)
        : () => (emu.canaryWeight(when) ?? Number.NEGATIVE_INFINITY) >= when.canaryWeightAtLeast;
    this.triggers.push({ alarm: name, state, reason: () => reason, when: test });
    this.evaluate();
  }

  /**
   * Ties a metric alarm to the traffic simulation: it goes ALARM, once, when the simulation has answered `threshold`
   * or more 5xx from tasks running an image in `emu.brokenImages` since now.
   */
  tieToErrors(name: string, opts: { threshold: number; reason?: string }): void {
    const alarm = this.alarm(name);
    if (alarm.type !== 'MetricAlarm') throw new Error(`Alarm ${name} is a composite alarm; tie a metric alarm`);
    const since = this.served5xx;
    alarm.metric = { ...alarm.metric!, threshold: opts.threshold };
    alarm.configUpdatedAt = Date.now();
    const count = () => this.served5xx - since;
    const reason = () =>
      opts.reason ??
      `Threshold Crossed: 1 datapoint [${count()}.0 (${stamp(Date.now())})] was greater than or equal to the threshold (${opts.threshold}.0).`;
    this.triggers.push({ alarm: name, state: 'ALARM', reason, when: () => count() >= opts.threshold });
    this.evaluate();
  }

  /** Counts the 5xx answers of a traffic simulation and evaluates the alarms. */
  recordTraffic(tally: { errors: Record<string, number> }): void {
    this.served5xx += tally.errors['5xx'] ?? 0;
    this.evaluate();
  }

  /** Fires the triggers whose condition holds, then evaluates composite alarms. */
  evaluate(): void {
    if (this.evaluating) return; // a predicate that simulates traffic or sends a request
    this.evaluating = true;
    try {
      for (const trigger of [...this.triggers]) {
        if (!trigger.when()) continue;
        this.triggers = this.triggers.filter((t) => t !== trigger);
        const alarm = this.alarms.get(trigger.alarm);
        if (alarm) this.transition(alarm, trigger.state, trigger.reason());
      }
      this.evaluateComposites();
    } finally {
      this.evaluating = false;
    }
  }

  /** Conditions set with setStateWhen or tieToErrors that have not fired yet, by alarm. */
  pending(): { alarm: string; state: AlarmState }[] {
    return this.triggers.map((t) => ({ alarm: t.alarm, state: t.state }));
  }

  // --- internals --------------------------------------------------------------------------------------------------

  private newAlarm(name: string, type: AlarmType, now: number): Alarm {
    const alarm: Alarm = {
      name,
      arn: this.arn(name),
      type,
      state: 'INSUFFICIENT_DATA',
      reason: INITIAL_REASON,
      actions: { alarm: [], ok: [], insufficientData: [] },
      stateUpdatedAt: now,
      stateTransitionedAt: now,
      configUpdatedAt: now,
    };
    this.alarms.set(name, alarm);
    return alarm;
  }

  private configure(alarm: Alarm, opts: AlarmOptions, now: number): void {
    alarm.configUpdatedAt = now;
    if (opts.description !== undefined) alarm.description = opts.description;
    if (opts.alarmActions) alarm.actions.alarm = [...opts.alarmActions];
    if (opts.okActions) alarm.actions.ok = [...opts.okActions];
    if (opts.state) this.transition(alarm, opts.state, opts.reason ?? `Set by the test to ${opts.state}`);
  }

  private alarm(name: string): Alarm {
    const alarm = this.alarms.get(this.nameOf(name));
    if (!alarm) throw new AwsError('ResourceNotFound', `Alarm ${name} not found`);
    return alarm;
  }

  /** An alarm name from a name or an alarm ARN. */
  private nameOf(ref: string): string {
    return /^arn:[^:]+:cloudwatch:[^:]*:\d*:alarm:(.+)$/.exec(ref)?.[1] ?? ref;
  }

  private transition(alarm: Alarm, state: AlarmState, reason: string, reasonData?: string): void {
    const now = Date.now();
    if (alarm.state !== state) alarm.stateTransitionedAt = now;
    alarm.state = state;
    alarm.reason = reason;
    alarm.reasonData = reasonData;
    alarm.stateUpdatedAt = now;
  }

  /** The alarms a composite's rule names (by name), directly. */
  private children(alarm: Alarm): string[] {
    return alarm.parsed ? [...new Set(referencesOf(alarm.parsed).map((ref) => this.nameOf(ref)))] : [];
  }

  /** Whether `from` names `to` through its rule or the rules of the composites it names. */
  private dependsOn(from: string, to: string): boolean {
    const alarm = this.alarms.get(from);
    return !!alarm && this.children(alarm).some((child) => child === to || this.dependsOn(child, to));
  }

  private inputsOf(alarm: Alarm): string {
    return this.children(alarm)
      .map((child) => `${child}=${this.alarms.get(child)?.state}`)
      .join(',');
  }

  /** Composite alarms whose alarms changed state since their last evaluation take the state their rule gives. */
  private evaluateComposites(): void {
    for (let pass = 0; pass <= this.alarms.size; pass++) {
      let changed = false;
      for (const alarm of this.alarms.values()) {
        if (alarm.type !== 'CompositeAlarm') continue;
        const inputs = this.inputsOf(alarm);
        if (inputs === alarm.lastInputs) continue;
        alarm.lastInputs = inputs;
        const verdict = evaluateRule(alarm.parsed!, (ref) => this.alarms.get(this.nameOf(ref))?.state);
        const state: AlarmState = verdict ? 'ALARM' : 'OK';
        const reason = `AlarmRule is ${verdict ? 'TRUE' : 'FALSE'}: ${this.children(alarm)
          .map((child) => `${child} is ${this.alarms.get(child)?.state}`)
          .join(', ')}`;
        if (state !== alarm.state || reason !== alarm.reason) {
          this.transition(alarm, state, reason);
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  // --- the API ----------------------------------------------------------------------------------------------------

  handle(operation: string, input: Json): unknown {
    switch (operation) {
      case 'DescribeAlarms':
        return this.describeAlarms(input);
      case 'SetAlarmState': {
        if (input.StateReasonData !== undefined) {
          try {
            JSON.parse(input.StateReasonData);
          } catch {
            throw new AwsError('InvalidFormatFault', 'StateReasonData is not valid JSON');
          }
        }
        this.setState(input.AlarmName, input.StateValue, input.StateReason, input.StateReasonData);
        return {};
      }
      default:
        throw new AwsError('UnknownOperationException', `The emulator does not implement CloudWatch ${operation}`);
    }
  }

  private describeAlarms(input: Json): Json {
    const filters = ['AlarmNames', 'AlarmNamePrefix', 'AlarmTypes', 'StateValue', 'ActionPrefix'].filter(
      (k) => input[k] !== undefined,
    );
    if (input.AlarmNames !== undefined && input.AlarmNamePrefix !== undefined) {
      throw new AwsError('InvalidParameterCombination', 'AlarmNames and AlarmNamePrefix cannot be used together');
    }
    const family = input.ChildrenOfAlarmName !== undefined ? 'ChildrenOfAlarmName' : 'ParentsOfAlarmName';
    if (input.ChildrenOfAlarmName !== undefined && input.ParentsOfAlarmName !== undefined) {
      throw new AwsError(
        'InvalidParameterCombination',
        'ChildrenOfAlarmName and ParentsOfAlarmName exclude each other',
      );
    }
    if (input[family] !== undefined && filters.length) {
      throw new AwsError(
        'InvalidParameterCombination',
        `${family} can only be used with MaxRecords and NextToken; also given: ${filters.join(', ')}`,
      );
    }
    const all = [...this.alarms.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let alarms: Alarm[];
    if (input.ChildrenOfAlarmName !== undefined) {
      const parent = this.alarms.get(this.nameOf(input.ChildrenOfAlarmName));
      const children = parent ? this.children(parent) : [];
      alarms = all.filter((a) => children.includes(a.name));
    } else if (input.ParentsOfAlarmName !== undefined) {
      const child = this.nameOf(input.ParentsOfAlarmName);
      alarms = all.filter((a) => this.children(a).includes(child));
    } else {
      const types: AlarmType[] = input.AlarmTypes ?? ['MetricAlarm']; // AWS: metric alarms only unless asked
      const names: string[] | undefined = input.AlarmNames;
      const prefix: string | undefined = input.AlarmNamePrefix;
      const action: string | undefined = input.ActionPrefix;
      alarms = all.filter(
        (a) =>
          types.includes(a.type) &&
          (!names || names.includes(a.name)) &&
          (!prefix || a.name.startsWith(prefix)) &&
          (!input.StateValue || a.state === input.StateValue) &&
          (!action ||
            [...a.actions.alarm, ...a.actions.ok, ...a.actions.insufficientData].some((x) => x.startsWith(action))),
      );
    }
    let start = 0;
    if (input.NextToken !== undefined) {
      const decoded = /^offset:(\d+)$/.exec(Buffer.from(String(input.NextToken), 'base64url').toString('utf8'));
      if (!decoded) throw new AwsError('InvalidNextToken', 'The NextToken is not valid');
      start = Number(decoded[1]);
    }
    const end = start + (input.MaxRecords ?? PAGE);
    const page = alarms.slice(start, end);
    return {
      MetricAlarms: page.filter((a) => a.type === 'MetricAlarm').map((a) => this.metricView(a)),
      CompositeAlarms: page.filter((a) => a.type === 'CompositeAlarm').map((a) => this.compositeView(a)),
      NextToken: end < alarms.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
    };
  }

  private commonView(a: Alarm): Json {
    return {
      AlarmName: a.name,
      AlarmArn: a.arn,
      AlarmDescription: a.description,
      AlarmConfigurationUpdatedTimestamp: epochSeconds(a.configUpdatedAt),
      ActionsEnabled: true,
      OKActions: [...a.actions.ok],
      AlarmActions: [...a.actions.alarm],
      InsufficientDataActions: [...a.actions.insufficientData],
      StateValue: a.state,
      StateReason: a.reason,
      StateReasonData: a.reasonData,
      StateUpdatedTimestamp: epochSeconds(a.stateUpdatedAt),
      StateTransitionedTimestamp: epochSeconds(a.stateTransitionedAt),
    };
  }

  private metricView(a: Alarm): Json {
    const m = a.metric!;
    return {
      ...this.commonView(a),
      MetricName: m.metricName,
      Namespace: m.namespace,
      Statistic: m.statistic,
      Dimensions: m.dimensions.map((d) => ({ ...d })),
      Period: m.period,
      EvaluationPeriods: m.evaluationPeriods,
      Threshold: m.threshold,
      ComparisonOperator: m.comparisonOperator,
      TreatMissingData: m.treatMissingData,
    };
  }

  private compositeView(a: Alarm): Json {
    return { ...this.commonView(a), AlarmRule: a.rule };
  }

  /** State for the emulator's dump. */
  dump(): Json {
    return {
      alarms: [...this.alarms.values()].map(({ parsed: _p, lastInputs: _l, ...a }) => a),
      served5xx: this.served5xx,
      pending: this.pending(),
    };
  }
}

/** `dd/MM/yy HH:mm:ss` in UTC, as CloudWatch writes datapoint times in a StateReason. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

// --- AlarmRule ------------------------------------------------------------------------------------------------------

/**
 * Parses an AlarmRule as AWS documents it: ALARM(x), OK(x), INSUFFICIENT_DATA(x) with x an alarm name or ARN, quoted
 * with double quotes or not; TRUE, FALSE; NOT, AND, OR (binding in that order) and parentheses.
 */
export function parseRule(source: string): Rule {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (why: string): never => {
    throw new Error(`AlarmRule ${JSON.stringify(source)}: ${why}`);
  };
  const expect = (token: string) => {
    if (tokens[i] !== token) fail(`expected ${token} at token ${i + 1}, got ${tokens[i] ?? 'the end'}`);
    i++;
  };
  const or = (): Rule => {
    let left = and();
    while (peek() === 'OR') {
      i++;
      left = { op: 'OR', left, right: and() };
    }
    return left;
  };
  const and = (): Rule => {
    let left = unary();
    while (peek() === 'AND') {
      i++;
      left = { op: 'AND', left, right: unary() };
    }
    return left;
  };
  const unary = (): Rule => {
    if (peek() === 'NOT') {
      i++;
      return { op: 'NOT', arg: unary() };
    }
    return primary();
  };
  const primary = (): Rule => {
    const token = tokens[i++];
    if (token === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token === 'TRUE' || token === 'FALSE') return { value: token === 'TRUE' };
    if (STATES.includes(token as AlarmState)) {
      const arg = tokens[i++];
      if (!arg?.startsWith('name:')) fail(`${token} needs an alarm name in parentheses`);
      return { fn: token as AlarmState, alarm: arg.slice(5) };
    }
    return fail(`unexpected ${token ?? 'end of rule'}`);
  };
  const rule = or();
  if (i < tokens.length) fail(`unexpected ${tokens[i]}`);
  return rule;
}

/** Words and parentheses; a function's argument, `(name)` or `("name")`, becomes one token `name:<name>`. */
function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else {
      const word = /^[A-Z_]+/.exec(source.slice(i))?.[0];
      if (!word) throw new Error(`AlarmRule ${JSON.stringify(source)}: unexpected ${JSON.stringify(c)} at ${i}`);
      tokens.push(word);
      i += word.length;
      if (!STATES.includes(word as AlarmState)) continue;
      const arg = /^\s*\(\s*(?:"([^"]*)"|([^()"]*?))\s*\)/.exec(source.slice(i));
      if (!arg) throw new Error(`AlarmRule ${JSON.stringify(source)}: ${word} needs an alarm name in parentheses`);
      tokens.push(`name:${arg[1] ?? arg[2]}`);
      i += arg[0].length;
    }
  }
  return tokens;
}

export function referencesOf(rule: Rule): string[] {
  if ('fn' in rule) return [rule.alarm];
  if ('value' in rule) return [];
  if (rule.op === 'NOT') return referencesOf(rule.arg);
  return [...referencesOf(rule.left), ...referencesOf(rule.right)];
}

export function evaluateRule(rule: Rule, stateOf: (alarm: string) => AlarmState | undefined): boolean {
  if ('fn' in rule) return stateOf(rule.alarm) === rule.fn;
  if ('value' in rule) return rule.value;
  if (rule.op === 'NOT') return !evaluateRule(rule.arg, stateOf);
  const left = evaluateRule(rule.left, stateOf);
  return rule.op === 'AND' ? left && evaluateRule(rule.right, stateOf) : left || evaluateRule(rule.right, stateOf);
}
