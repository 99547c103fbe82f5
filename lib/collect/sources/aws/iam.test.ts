import { describe, expect, it } from "vitest";
import { parseCredentialReport, parseCsv, reportDate } from "./credential-report";
import { parsePolicyDocument, toAccessKeys, toRootUser } from "./iam";

const HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

describe("the IAM credential report", () => {
  it("parses quoted fields, skips the root row and reads 'N/A' as no date", () => {
    const csv = [
      HEADER,
      "<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,2024-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
      '"ci,bot",arn:aws:iam::111111111111:user/ci,2021-05-01T10:00:00+00:00,false,not_supported,N/A,N/A,false,true,2021-05-01T10:00:05+00:00,2025-06-01T09:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    ].join("\n");
    const { users: rows } = parseCredentialReport(csv);
    expect([...rows.keys()]).toEqual(["ci,bot"]);
    expect(reportDate(rows.get("ci,bot")?.access_key_1_last_used_date)).toBe(
      "2025-06-01T09:00:00.000Z",
    );
    expect(reportDate("N/A")).toBeNull();
    expect(parseCsv('a,"b ""c""",d\r\ne,f,g\r\n')).toEqual([
      ["a", 'b "c"', "d"],
      ["e", "f", "g"],
    ]);
  });

  it("keeps the root row as the root user: MFA, last password use and its access keys", () => {
    const csv = [
      HEADER,
      "<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,2025-05-30T08:00:00+00:00,not_supported,not_supported,false,true,2019-04-01T00:00:00+00:00,2025-06-01T09:00:00+00:00,us-east-1,iam,false,2018-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A",
    ].join("\n");
    const { root } = parseCredentialReport(csv);
    expect(toRootUser(root)).toEqual({
      arn: "arn:aws:iam::111111111111:root",
      mfaActive: false,
      passwordLastUsed: "2025-05-30T08:00:00.000Z",
      accessKeys: [
        {
          keyId: null,
          slot: 1,
          active: true,
          lastRotated: "2019-04-01T00:00:00.000Z",
          lastUsed: "2025-06-01T09:00:00.000Z",
        },
        {
          keyId: null,
          slot: 2,
          active: false,
          lastRotated: "2018-01-01T00:00:00.000Z",
          lastUsed: null,
        },
      ],
    });
    const clean =
      "<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    expect(toRootUser(parseCredentialReport([HEADER, clean].join("\n")).root)).toEqual({
      arn: "arn:aws:iam::111111111111:root",
      mfaActive: true,
      passwordLastUsed: null,
      accessKeys: [],
    });
    // moto's report has no root row at all: the root user is then unknown, not "fine".
    expect(parseCredentialReport(HEADER).root).toBeNull();
    expect(toRootUser(null)).toBeNull();
  });

  it("matches the report's key slots to the listed keys by creation time", () => {
    const row = {
      access_key_1_last_rotated: "2024-01-01T00:00:00+00:00",
      access_key_1_last_used_date: "2025-01-01T00:00:00+00:00",
      access_key_2_last_rotated: "2025-02-01T00:00:00+00:00",
      access_key_2_last_used_date: "N/A",
    };
    const keys = toAccessKeys(
      [
        {
          AccessKeyId: "AKIANEW",
          Status: "Inactive",
          CreateDate: new Date("2025-02-01T00:00:00.400Z"),
        },
        { AccessKeyId: "AKIAOLD", Status: "Active", CreateDate: new Date("2024-01-01T00:00:00Z") },
      ],
      row,
    );
    expect(keys).toEqual([
      {
        keyId: "AKIAOLD",
        slot: 1,
        active: true,
        lastRotated: "2024-01-01T00:00:00.000Z",
        lastUsed: "2025-01-01T00:00:00.000Z",
      },
      {
        keyId: "AKIANEW",
        slot: 2,
        active: false,
        lastRotated: "2025-02-01T00:00:00.400Z",
        lastUsed: null,
      },
    ]);
  });
});

describe("trust policies", () => {
  it("URL-decodes the document IAM returns", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::999999999999:root" },
          Action: "sts:AssumeRole",
        },
      ],
    };
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
  });
});
