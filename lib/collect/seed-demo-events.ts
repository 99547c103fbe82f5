// A few CloudTrail events as EventBridge would have delivered them right after the demo's latest run:
// a contractor's IAM user and access key, a CI user in another account, and a CreateUser that failed
// (AccessDenied: ignored). They go through the same store-then-apply path as POST /api/v1/events, so
// the demo shows event-driven findings (source "event") beside collected ones. Does nothing once an
// ingest token exists. Called when a demo deployment first loads (lib/setup/prepare-database), not by
// loadDemo itself, whose runs hold exactly the planted findings.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { ACCOUNTS } from "@/lib/collect/sources/demo/ids";
import { processPendingEvents } from "./events/process-pending-events";

interface DemoCall {
  account: string;
  eventName: "CreateUser" | "CreateAccessKey";
  userName: string;
  errorCode?: string;
  secondsAfterRun: number;
}

const CALLS: readonly DemoCall[] = [
  {
    account: ACCOUNTS.paymentsDev,
    eventName: "CreateUser",
    userName: "contractor-jdoe",
    secondsAfterRun: 5,
  },
  {
    account: ACCOUNTS.paymentsDev,
    eventName: "CreateAccessKey",
    userName: "contractor-jdoe",
    secondsAfterRun: 40,
  },
  {
    account: ACCOUNTS.dataDev,
    eventName: "CreateUser",
    userName: "ci-legacy",
    secondsAfterRun: 90,
  },
  {
    account: ACCOUNTS.paymentsProd,
    eventName: "CreateUser",
    userName: "shadow-admin",
    errorCode: "AccessDenied",
    secondsAfterRun: 120,
  },
];

function demoEvent(c: DemoCall, at: Date) {
  const time = at.toISOString();
  const session = `arn:aws:sts::${c.account}:assumed-role/AWSReservedSSO_AdministratorAccess_5f1c/alex@acme.example`;
  const responseElements = c.errorCode
    ? null
    : c.eventName === "CreateUser"
      ? {
          user: {
            path: "/",
            userName: c.userName,
            arn: `arn:aws:iam::${c.account}:user/${c.userName}`,
          },
        }
      : { accessKey: { userName: c.userName, status: "Active" } };
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "AWS API Call via CloudTrail",
    source: "aws.iam",
    account: c.account,
    time,
    region: "us-east-1",
    resources: [],
    detail: {
      eventVersion: "1.08",
      userIdentity: { type: "AssumedRole", arn: session, accountId: c.account },
      eventTime: time,
      eventSource: "iam.amazonaws.com",
      eventName: c.eventName,
      awsRegion: "us-east-1",
      ...(c.errorCode ? { errorCode: c.errorCode } : {}),
      requestParameters: { userName: c.userName },
      responseElements,
      eventID: randomUUID(),
      eventType: "AwsApiCall",
      recipientAccountId: c.account,
    },
  };
}

/** `runId`: the demo's latest run; the events follow it by seconds. */
export async function seedDemoEvents(db: Db, runId: string): Promise<void> {
  if ((await db.ingestToken.count()) > 0) return;
  const run = await db.collectionRun.findUniqueOrThrow({
    where: { id: runId },
    select: { startedAt: true, finishedAt: true },
  });
  const runAt = run.finishedAt ?? run.startedAt;
  const lastAt = new Date(
    runAt.getTime() + Math.max(...CALLS.map((c) => c.secondsAfterRun)) * 1000,
  );
  const token = await db.ingestToken.create({
    data: {
      name: "EventBridge (demo)",
      // Nobody knows this secret: the demo token shows how a token looks, it cannot be used.
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      prefix: "oli_demo00",
      createdBy: "demo",
      createdAt: new Date(runAt.getTime() - 86_400_000),
      lastUsedAt: lastAt,
    },
    select: { id: true },
  });
  await db.ingestedEvent.createMany({
    data: CALLS.map((c) => {
      const at = new Date(runAt.getTime() + c.secondsAfterRun * 1000);
      const event = demoEvent(c, at);
      return {
        id: event.id,
        tokenId: token.id,
        receivedAt: at,
        eventTime: at,
        source: event.source,
        detailType: event["detail-type"],
        eventName: c.eventName,
        accountId: c.account,
        body: event,
      };
    }),
  });
  await processPendingEvents(db);
}
