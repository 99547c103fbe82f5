import { describe, expect, it } from "vitest";
import { checkSameOriginJson } from "./same-origin";

const APP = "https://orglens.corp.example";
const h = (init: Record<string, string>) => new Headers(init);

describe("checkSameOriginJson", () => {
  it.each([
    [
      "JSON from the app's origin",
      { origin: APP, "content-type": "application/json", "content-length": "12" },
    ],
    [
      "JSON with a charset from the app's origin",
      { origin: APP, "content-type": "application/json; charset=utf-8" },
    ],
    ["a body-less request from the app's origin", { origin: APP }],
    ["a body-less request with a zero length", { origin: APP, "content-length": "0" }],
    [
      "JSON marked same-origin by the browser, without Origin",
      { "sec-fetch-site": "same-origin", "content-type": "application/json" },
    ],
  ])("accepts %s", (_what, headers) => {
    expect(checkSameOriginJson(h(headers), APP)).toBeNull();
  });

  it.each([
    [
      "text/plain from another site",
      { origin: "https://evil.example", "content-type": "text/plain" },
      /cross-site/,
    ],
    [
      "JSON from another site",
      { origin: "https://evil.example", "content-type": "application/json" },
      /cross-site/,
    ],
    [
      "JSON from another site claiming same-origin fetch metadata",
      {
        origin: "https://evil.example",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      /cross-site/,
    ],
    [
      "a look-alike origin",
      { origin: "https://orglens.corp.example.evil.example", "content-type": "application/json" },
      /cross-site/,
    ],
    [
      "another port of the same host",
      { origin: "https://orglens.corp.example:8443", "content-type": "application/json" },
      /cross-site/,
    ],
    [
      "the null origin (sandboxed frame, data: URL)",
      { origin: "null", "content-type": "application/json" },
      /cross-site/,
    ],
    ["no Origin and no fetch metadata", { "content-type": "application/json" }, /cross-site/],
    [
      "no Origin and a same-site (sibling subdomain) fetch",
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
      /cross-site/,
    ],
    [
      "text/plain from the app's origin",
      { origin: APP, "content-type": "text/plain" },
      /application\/json/,
    ],
    [
      "a form post from the app's origin",
      { origin: APP, "content-type": "application/x-www-form-urlencoded" },
      /application\/json/,
    ],
    ["a body without a content type", { origin: APP, "content-length": "20" }, /application\/json/],
    [
      "a chunked body without a content type",
      { origin: APP, "transfer-encoding": "chunked" },
      /application\/json/,
    ],
    [
      "a JSON look-alike content type",
      { origin: APP, "content-type": "application/json-patch+json" },
      /application\/json/,
    ],
  ])("refuses %s", (_what, headers, message) => {
    expect(checkSameOriginJson(h(headers), APP)).toMatch(message);
  });
});
