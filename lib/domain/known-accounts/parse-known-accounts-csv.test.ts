import { describe, expect, it } from "vitest";
import { parseKnownAccountsCsv } from "./parse-known-accounts-csv";

describe("parseKnownAccountsCsv", () => {
  it("reads a CMDB export with its own header names, a BOM, dashes and extra columns", () => {
    const csv =
      '\uFEFFAWS Account ID,Account Name,Cost center,Owner Email\n1111-2222-3333,"Legacy, marketing",cc-1,ana@example.com\n\n444455556666,Data lake,,\n';
    expect(parseKnownAccountsCsv(csv)).toEqual({
      rows: [
        { line: 2, accountId: "111122223333", name: "Legacy, marketing", owner: "ana@example.com" },
        { line: 4, accountId: "444455556666", name: "Data lake", owner: "" },
      ],
      errors: [],
    });
  });

  it("reads a file without a header by position", () => {
    expect(parseKnownAccountsCsv("123456789012,shop,team-a\n").rows).toEqual([
      { line: 1, accountId: "123456789012", name: "shop", owner: "team-a" },
    ]);
  });

  it("gives every bad row its own message and line", () => {
    const csv = [
      "account_id,name,owner",
      "12345678901,short,x",
      "1.23457E+11,sci,x",
      "abc,letters,x",
      ",empty,x",
      "210987654321,ok,x",
      "210987654321,again,y",
    ].join("\n");
    const { rows, errors } = parseKnownAccountsCsv(csv);
    expect(rows.map((r) => r.accountId)).toEqual(["210987654321"]);
    expect(errors).toEqual([
      {
        line: 2,
        accountId: null,
        message:
          "Account id 12345678901 has 11 digits; AWS account ids have 12 (a spreadsheet may have dropped leading zeros).",
      },
      {
        line: 3,
        accountId: null,
        message: "Account id 1.23457E+11 is in scientific notation; export the column as text.",
      },
      { line: 4, accountId: null, message: '"abc" is not an AWS account id (12 digits).' },
      { line: 5, accountId: null, message: "The account id is empty." },
      {
        line: 7,
        accountId: "210987654321",
        message: "Account 210987654321 is listed twice (first on line 6).",
      },
    ]);
  });

  it("refuses a file whose header names no account id column, and an empty file", () => {
    expect(parseKnownAccountsCsv("name,owner\nshop,a\n").errors).toEqual([
      {
        line: 1,
        accountId: null,
        message:
          "No account id column: start the file with a header such as account_id,name,owner.",
      },
    ]);
    expect(parseKnownAccountsCsv("").errors[0]?.message).toBe("The file has no rows.");
  });
});
