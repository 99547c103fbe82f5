import { describe, expect, it } from "vitest";
import { link, mdCell } from "./gap-report-markdown";

describe("gap report Markdown", () => {
  it("keeps names, owners and titles as text: no link, image, emphasis, HTML or cell break", () => {
    // An AWS account name (any printable ASCII, chosen by whoever created the account) and an owner.
    const cell = mdCell(
      "![x](https://evil.example/pixel.png) [click](javascript:alert(1)) *b* `c` a|b <img src=x>",
    );
    expect(cell).not.toMatch(/(^|[^\\])!\[/);
    expect(cell).not.toMatch(/(^|[^\\])\[click\]/);
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toContain("<img");
    expect(cell).toContain("&lt;img src=x&gt;");
    expect(mdCell("line one\nline two")).toBe("line one line two");
    // The look-alike: ordinary names stay readable.
    expect(mdCell("payments-dev 2.0")).toBe("payments-dev 2.0");
  });

  it("writes a ticket link that cannot end the link or the cell, and only for http(s)", () => {
    const md = link("https://tickets.example/a|b<img src=x onerror=alert(1)>(x)");
    expect(md.startsWith("[ticket](https://tickets.example/")).toBe(true);
    // One link, closed by its own parenthesis, with nothing raw inside.
    expect(md.slice("[ticket](".length, -1)).not.toMatch(/[()<>|\s]/);
    expect(md.endsWith(")")).toBe(true);
    expect(link("javascript:alert(1)")).toBe("–");
    expect(link("not a url")).toBe("–");
    expect(link("https://jira.example/browse/SEC-42")).toBe(
      "[ticket](https://jira.example/browse/SEC-42)",
    );
  });
});
