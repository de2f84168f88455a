// CloudWatch alarms: read the named metric and composite alarms in one call. Loaded only when `alarms` is set.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { PlanError } from '../errors.js';
import type { AlarmState, AlarmStateValue } from '../plan/steps.js';
import { type ClientConfig, withErrorContext } from './clients.js';

export class Alarms {
  private readonly client: CloudWatchClient;

  constructor(
    config: ClientConfig,
    readonly names: readonly string[],
  ) {
    this.client = withErrorContext(new CloudWatchClient(config), 'CloudWatch');
  }

  /** Every named alarm's state; a name CloudWatch does not know is an input error, never "no alarm". */
  async read(): Promise<AlarmState[]> {
    const found: AlarmState[] = [];
    for (let i = 0; i < this.names.length; i += 100) {
      const AlarmNames = this.names.slice(i, i + 100);
      let NextToken: string | undefined;
      do {
        const command = new DescribeAlarmsCommand({
          AlarmNames,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken,
        });
        const out = await this.client.send(command);
        for (const a of out.MetricAlarms ?? []) found.push(state(a, 'metric'));
        for (const a of out.CompositeAlarms ?? []) found.push(state(a, 'composite'));
        NextToken = out.NextToken;
      } while (NextToken);
    }
    const missing = this.names.filter((n) => !found.some((a) => a.name === n));
    if (missing.length) {
      throw new PlanError(
        `CloudWatch alarm(s) ${missing.join(', ')} do not exist in this account and region`,
        'alarms',
      );
    }
    return found;
  }
}

function state(
  a: { AlarmName?: string; StateValue?: string; StateReason?: string },
  type: AlarmState['type'],
): AlarmState {
  return {
    name: a.AlarmName ?? '',
    type,
    state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmStateValue,
    reason: a.StateReason,
  };
}
