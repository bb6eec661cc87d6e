import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { AdminIdsSchema } from '../src/config';
import { SUMMARY_SWEEP_JOB } from '../src/updates/summary-sweep';
import { Alarms } from './constructs/alarms';
import { NudgeSchedule } from './constructs/nudge-schedule';
import { PublicApi } from './constructs/public-api';
import { ReadApi } from './constructs/read-api';
import { SlackIngress } from './constructs/slack-ingress';
import { TeamsIngress } from './constructs/teams-ingress';
import { Worker } from './constructs/worker';
import { lambdaEntry } from './paths';

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  slackSecret: ISecret;
  teamsSecret: ISecret;
  /** The Azure Bot's app id (context teamsAppId); a placeholder until one is registered. */
  teamsAppId?: string;
  defaultIjb: string;
  /**
   * DIRECTIONS_ADMINS: Slack user ids, comma-separated (not secret), admins of `defaultIjb`;
   * `east-lothian:U012ABCDEF` names another IJB. Checked at synth, as the functions check it at cold start.
   */
  admins?: string;
  /** Where alarms are emailed. */
  alarmEmail?: string;
  /** The daily nudge run's entry: lambdas/nudge.ts (tests pass a small fixture to bundle faster). */
  nudgeEntry?: string;
}

/** The functions, the schedule and the alarms: replaceable at any deploy, holding no state. */
export class StatelessStack extends Stack {
  readonly worker: Worker;
  readonly slack: SlackIngress;
  readonly teams: TeamsIngress;
  readonly api: ReadApi;
  readonly http: PublicApi;
  readonly nudges: NudgeSchedule;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, slackSecret } = props;
    const environment = {
      TABLE_NAME: table.tableName,
      DIRECTIONS_IJB: props.defaultIjb,
      DIRECTIONS_ADMINS: adminsSetting(props.admins),
      LOG_LEVEL: 'info',
    };
    // Until an Azure Bot is registered, a placeholder: Teams' functions then refuse every activity.
    const teamsAppId = props.teamsAppId ?? '00000000-0000-0000-0000-000000000000';
    this.worker = new Worker(this, 'Worker', {
      entry: lambdaEntry('worker'),
      table,
      slackSecret,
      environment,
      sweepJob: SUMMARY_SWEEP_JOB,
      teams: { secret: props.teamsSecret, appId: teamsAppId },
    });
    this.http = new PublicApi(this, 'Http', {
      entry: lambdaEntry('http'),
      table,
      worker: this.worker.function,
      environment,
    });
    this.slack = new SlackIngress(this, 'Slack', {
      entry: lambdaEntry('slack'),
      table,
      slackSecret,
      worker: this.worker.function,
      environment,
      web: { shareKey: this.http.shareKey, publicUrl: this.http.url },
    });
    this.teams = new TeamsIngress(this, 'Teams', {
      entry: lambdaEntry('teams'),
      table,
      teamsSecret: props.teamsSecret,
      teamsAppId,
      worker: this.worker.function,
      environment,
    });
    this.api = new ReadApi(this, 'Api', { entry: lambdaEntry('api'), table, environment });
    this.nudges = new NudgeSchedule(this, 'Nudges', {
      entry: props.nudgeEntry ?? lambdaEntry('nudge'),
      table,
      slackSecret,
      teams: {
        secret: props.teamsSecret,
        appId: teamsAppId,
      },
      environment,
    });

    this.alarms = new Alarms(this, 'Alarms', props.alarmEmail ? { email: props.alarmEmail } : {});
    this.alarms.watchFunction('Slack', this.slack.function);
    this.alarms.watchFunction('Teams', this.teams.function);
    this.alarms.watchFunction('Worker', this.worker.function);
    this.alarms.watchFunction('Api', this.api.function);
    this.alarms.watchFunction('Http', this.http.function);
    this.alarms.watchUrl5xx('Http', this.http.function);
    this.alarms.watchDeadLetters('Worker', this.worker.deadLetterQueue);
    this.alarms.watchAckLatency();
    this.alarms.watchFunction('Nudges', this.nudges.function);
    this.alarms.watchDeadLetters('Nudges', this.nudges.deadLetterQueue);
  }
}

/** A bad admins setting stops the synth, naming it, rather than every function's cold start. */
function adminsSetting(value: string | undefined): string {
  const parsed = AdminIdsSchema.safeParse(value ?? '');
  if (!parsed.success)
    throw new Error(
      `context admins: ${parsed.error.issues[0]?.message ?? 'not valid'} (got ${JSON.stringify(value)})`,
    );
  return parsed.data.join(',');
}
