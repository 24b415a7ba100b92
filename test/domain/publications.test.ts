import { describe, expect, it } from "vitest";
import { currentEvents, publicationStanding, type PublicationEvent } from "../../app/domain/publications";

const ev = (id: number, publication_id: number, category_id: number, day: string): PublicationEvent => ({
  id,
  publication_id,
  category_id,
  published_at: `2024-05-${day}T10:00:00.000Z`,
});

describe("the current publication of a category", () => {
  // Category 1: A (pub 10) published, then B (pub 11) replaced it. Category 2: C (20), then D (21),
  // then C again: D is withdrawn from the public pages and C is current once more.
  const events = [ev(1, 10, 1, "01"), ev(2, 20, 2, "02"), ev(3, 11, 1, "03"), ev(4, 21, 2, "04"), ev(5, 20, 2, "05")];

  it("is the one the category's newest event points at, whatever order the rows come in", () => {
    const current = currentEvents([...events].reverse());
    expect(current.get(1)?.publication_id).toBe(11);
    expect(current.get(2)?.publication_id).toBe(20);
    expect(current.has(3)).toBe(false);
    expect(currentEvents([]).size).toBe(0);
  });

  it("a replaced publication is not current and says when it was replaced", () => {
    const cat1 = events.filter((e) => e.category_id === 1);
    expect(publicationStanding(10, cat1)).toEqual({
      current: false,
      publishedAt: "2024-05-01T10:00:00.000Z",
      replacedAt: "2024-05-03T10:00:00.000Z",
    });
    expect(publicationStanding(11, cat1)).toEqual({
      current: true,
      publishedAt: "2024-05-03T10:00:00.000Z",
      replacedAt: null,
    });
  });

  it("a publication withdrawn by republishing an earlier one is not current; the earlier one is, from its newest event", () => {
    const cat2 = events.filter((e) => e.category_id === 2);
    expect(publicationStanding(21, cat2)).toEqual({
      current: false,
      publishedAt: "2024-05-04T10:00:00.000Z",
      replacedAt: "2024-05-05T10:00:00.000Z",
    });
    expect(publicationStanding(20, [...cat2].reverse())).toEqual({
      current: true,
      publishedAt: "2024-05-05T10:00:00.000Z",
      replacedAt: null,
    });
  });

  it("a publication no event points at is not current", () => {
    expect(
      publicationStanding(
        99,
        events.filter((e) => e.category_id === 1),
      ),
    ).toEqual({ current: false, publishedAt: null, replacedAt: null });
  });
});
