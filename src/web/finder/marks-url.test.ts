import { describe, expect, it } from "vitest";
import { MAX_FINDER_REGIONS as API_LIMIT } from "../../core/finder";
import {
  bookingHrefFrom,
  bookingLinks,
  formatMarks,
  MAX_FINDER_REGIONS,
  marksSearch,
  musclePageHref,
  parseMarks,
} from "./marks-url";

describe("marks in the URL", () => {
  it("reads region ids with intensities, defaulting a bare id to 5", () => {
    expect(parseMarks("temple-left:6,neck-posterior-left")).toEqual({
      "temple-left": 6,
      "neck-posterior-left": 5,
    });
  });

  it("drops unknown ids, junk and extra colons instead of failing", () => {
    expect(parseMarks("temple:6,left-temple:3,,sacrum:x,jaw-right:2:1,heel-right:4")).toEqual({
      "heel-right": 4,
    });
  });

  it("clamps intensities to 1-10 and keeps a repeated id at its highest", () => {
    expect(parseMarks("sacrum:0,jaw-left:14,jaw-left:3,heel-left:2.6")).toEqual({
      sacrum: 1,
      "jaw-left": 10,
      "heel-left": 3,
    });
  });

  it("keeps at most as many regions as the API takes", () => {
    expect(MAX_FINDER_REGIONS).toBe(API_LIMIT);
    const many = Array.from({ length: 45 }, (_, i) => `x${i}`);
    const ids = ["temple-left", "temple-right", "jaw-left", "jaw-right"];
    expect(Object.keys(parseMarks([...many, ...ids].join(","))).length).toBe(4);
  });

  it("writes what it reads, in marking order", () => {
    const marks = { "temple-left": 6, "neck-posterior-left": 4, sacrum: 2 };
    expect(formatMarks(marks)).toBe("temple-left:6,neck-posterior-left:4,sacrum:2");
    expect(parseMarks(formatMarks(marks))).toEqual(marks);
    expect(marksSearch({})).toBe("");
    expect(marksSearch(marks)).toBe("?regions=temple-left:6,neck-posterior-left:4,sacrum:2");
  });

  it("sends a visitor to booking, or to sign-in and then booking, with the marks", () => {
    const links = bookingLinks("anonymous", { "temple-left": 6, "neck-posterior-left": 4 });
    expect(links.book).toBe("/book?regions=temple-left:6,neck-posterior-left:4");
    expect(links.signIn).toBe(
      `/sign-in?next=${encodeURIComponent("/book?regions=temple-left:6,neck-posterior-left:4")}`,
    );
  });

  it("sends a signed-in client straight to booking with the marks", () => {
    expect(bookingLinks("client", { sacrum: 3 })).toEqual({ book: "/book?regions=sacrum:3" });
  });
});

describe("marks from the finder through an atlas page to booking", () => {
  it("opens a result's muscle page with the side and the marks", () => {
    expect(musclePageHref("trapezius-upper", "left", { "temple-left": 6, "neck-posterior-left": 4 })).toBe(
      "/atlas/trapezius-upper?regions=temple-left:6,neck-posterior-left:4&side=left",
    );
    expect(musclePageHref("masseter", null, {})).toBe("/atlas/masseter");
  });

  it("books from the muscle page with the marks it was opened with", () => {
    const href = musclePageHref("trapezius-upper", "right", { "temple-left": 6 });
    expect(bookingHrefFrom(href.slice(href.indexOf("?")))).toBe("/book?regions=temple-left:6");
  });

  it("keeps them when the page's side toggle has re-encoded the query", () => {
    expect(bookingHrefFrom("?side=right&regions=temple-left%3A6%2Cneck-posterior-left%3A4")).toBe(
      "/book?regions=temple-left:6,neck-posterior-left:4",
    );
  });

  it("books with no marks from an atlas page opened on its own", () => {
    expect(bookingHrefFrom("")).toBe("/book");
    expect(bookingHrefFrom("?side=left")).toBe("/book");
  });
});
