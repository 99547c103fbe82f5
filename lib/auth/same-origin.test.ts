import { describe, expect, it } from "vitest";
import { checkSameOriginJson } from "./same-origin";

const APP = "https://orglens.corp.example";
const h = (init: Record<string, string>) => new Headers(init);

describe("checkSameOriginJson", () => {
  it.each([
    ["JSON from the app's origin", { origin: APP, "content-type": "application/json" }, true],
    ["JSON with a charset from the app's origin", { origin: APP, "content-type": "application/json; charset=utf-8" }, true],
    ["a body-less request from the app's origin", { origin: APP }, false],
    ["JSON marked same-origin by the browser, without Origin", { "sec-fetch-site": "same-origin", "content-type": "application/json" }, true],
  ])("accepts %s", (_what, headers, expectsBody) => {
    expect(checkSameOriginJson(h(headers), APP, expectsBody)).toBeNull();
  });

  it.each([
    ["text/plain from another site", { origin: "https://evil.example", "content-type": "text/plain" }, false, /cross-site/],
    ["JSON from another site", { origin: "https://evil.example", "content-type": "application/json" }, true, /cross-site/],
    ["JSON from another site claiming same-origin fetch metadata", { origin: "https://evil.example", "sec-fetch-site": "same-origin", "content-type": "application/json" }, true, /cross-site/],
    ["a look-alike origin", { origin: "https://orglens.corp.example.evil.example", "content-type": "application/json" }, true, /cross-site/],
    ["another port of the same host", { origin: "https://orglens.corp.example:8443", "content-type": "application/json" }, true, /cross-site/],
    ["the null origin (sandboxed frame, data: URL)", { origin: "null", "content-type": "application/json" }, true, /cross-site/],
    ["no Origin and no fetch metadata", { "content-type": "application/json" }, true, /cross-site/],
    ["no Origin and a same-site (sibling subdomain) fetch", { "sec-fetch-site": "same-site", "content-type": "application/json" }, true, /cross-site/],
    ["text/plain from the app's origin", { origin: APP, "content-type": "text/plain" }, false, /application\/json/],
    ["a form post from the app's origin", { origin: APP, "content-type": "application/x-www-form-urlencoded" }, true, /application\/json/],
    ["a JSON route called without a content type", { origin: APP }, true, /application\/json/],
    ["a JSON look-alike content type", { origin: APP, "content-type": "application/json-patch+json" }, true, /application\/json/],
  ])("refuses %s", (_what, headers, expectsBody, message) => {
    expect(checkSameOriginJson(h(headers), APP, expectsBody)).toMatch(message);
  });
});
