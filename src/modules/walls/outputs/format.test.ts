import { describe, expect, it } from "vitest";
import type { PostView } from "../presenters.ts";
import { csvSeparator, neutraliseFormula } from "./csv.ts";
import { shortLink, shortLinkForReading } from "./short-link.ts";
import { summariseWall } from "./summary.ts";
import { exportFileName, finnishTimeText } from "./table.ts";
import { sheetName } from "./xlsx.ts";

describe("export formats", () => {
  it("names the file from the title in safe characters, with the date in Finland", () => {
    // 22:30 UTC on 31 August is already 1 September in Finland.
    const late = new Date("2016-08-31T22:30:00Z");
    expect(exportFileName("Kymenlaakson maakuntauudistusseminaari, Kotka 31.8.2016", "seina", late, "csv")).toBe(
      "kymenlaakson-maakuntauudistusseminaari-kotka-31-8-2016-2016-09-01.csv",
    );
    expect(exportFileName('Åland ja Pöytyä / "SOTE"', "seina", late, "xlsx")).toBe(
      "aland-ja-poytya-sote-2016-09-01.xlsx",
    );
    expect(exportFileName("???", "seina", late, "csv")).toBe("seina-2016-09-01.csv");
    expect(exportFileName("a".repeat(200), "x", late, "csv")).toHaveLength(60 + "-2016-09-01.csv".length);
  });

  it("writes Finnish local time, summer and winter", () => {
    expect(finnishTimeText(new Date("2016-08-31T06:00:00Z"))).toBe("2016-08-31 09:00:00");
    expect(finnishTimeText(new Date("2016-12-01T06:00:00Z"))).toBe("2016-12-01 08:00:00");
  });

  it("keeps typed formulas as text in CSV, and nothing else changes", () => {
    for (const formula of ["=1+1", "+358 40 123", "-2+3", "@SUM(A1)", "\t=x", "\r=x"]) {
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    }
    expect(neutraliseFormula("Hyvä avaus = hyvä alku")).toBe("Hyvä avaus = hyvä alku");
  });

  it("separates CSV fields as Excel expects in the language's region, unless asked otherwise", () => {
    expect(csvSeparator("fi", undefined)).toBe("semicolon");
    expect(csvSeparator("sv", undefined)).toBe("semicolon");
    expect(csvSeparator("en", undefined)).toBe("comma");
    expect(csvSeparator("fi", "comma")).toBe("comma");
    expect(csvSeparator("en", "tab")).toBe("comma");
  });

  it("makes sheet names Excel accepts: short, unique, without forbidden characters", () => {
    const taken = new Set<string>();
    expect(sheetName("Kaikki", taken, "1")).toBe("Kaikki");
    expect(sheetName("kaikki", taken, "2")).toBe("kaikki (2)");
    expect(sheetName("Tukipalvelut 1: ICT / kiinteistöt [hankinta]?", taken, "3")).toBe(
      "Tukipalvelut 1 ICT kiinteistöt",
    );
    expect(sheetName("'*'", taken, "4")).toBe("4");
    const long = sheetName("Itsehallinto, demokratia ja osallisuus", taken, "5");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(sheetName("Itsehallinto, demokratia ja osallisuus", taken, "6")).toMatch(/ \(2\)$/);
  });

  it("builds the short link a QR code encodes", () => {
    const link = shortLink("https://uudistamo.example/", "kyme16");
    expect(link).toBe("https://uudistamo.example/w/kyme16");
    expect(shortLinkForReading(link)).toBe("uudistamo.example/w/kyme16");
  });
});

describe("the flip-chart summary", () => {
  let n = 0;
  const post = (over: Partial<PostView>): PostView => ({
    id: `p${++n}`,
    wallId: "w",
    sectionId: null,
    parentId: null,
    kind: "comment",
    title: null,
    body: "",
    html: `<p>post ${n}</p>`,
    authorName: null,
    status: "visible",
    pinned: false,
    likes: 0,
    votes: 0,
    reports: 0,
    attachment: null,
    createdAt: new Date(Date.UTC(2016, 7, 31, 6, n)).toISOString(),
    edited: false,
    ...over,
  });

  it("groups by section in the sections' order, leaves out what is not visible, nests replies", () => {
    const sections = [
      { id: "s1", title: "Sote", position: 0 },
      { id: "s2", title: "Tukipalvelut", position: 1 },
    ];
    const early = post({ sectionId: "s2" });
    const asked = post({ sectionId: "s2", kind: "question", votes: 1 });
    const favourite = post({ sectionId: "s2", kind: "question", votes: 5 });
    const pinned = post({ sectionId: "s2", pinned: true });
    const reply = post({ parentId: asked.id, likes: 2 });
    const hidden = post({ sectionId: "s1", status: "hidden" });
    const pending = post({ sectionId: "s1", status: "pending" });
    const loose = post({});
    const summary = summariseWall({ sections }, [loose, pending, hidden, reply, pinned, favourite, asked, early]);
    expect(summary.groupedBy).toBe("section");
    expect(summary.leftOut).toBe(2);
    expect(summary.groups.map((g) => [g.key, g.title, g.posts.map((p) => p.id)])).toEqual([
      ["section-1", "Sote", []],
      ["section-2", "Tukipalvelut", [pinned.id, favourite.id, asked.id, early.id]],
      ["no-section", null, [loose.id]],
    ]);
    const tuki = summary.groups[1];
    expect(tuki?.posts[2]?.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(tuki).toMatchObject({ replies: 1, likes: 2, votes: 6 });
  });

  it("groups by kind, questions first, when the wall has no sections", () => {
    const summary = summariseWall({ sections: [] }, [post({ kind: "remark" }), post({ kind: "question" })]);
    expect(summary.groupedBy).toBe("kind");
    expect(summary.groups.map((g) => [g.kind, g.posts.length])).toEqual([
      ["question", 1],
      ["comment", 0],
      ["remark", 1],
    ]);
  });
});
