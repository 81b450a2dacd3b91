import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { DataTable, type DataTableProps } from "./data-table";
import { InteractiveTable } from "./interactive-table";

/**
 * The first render of the data table (what the server sends): paging slices, the initial sort
 * orders and marks its header, an empty list shows its message. Clicking is covered in
 * e2e/data-table.spec.ts.
 */
function render(props: Partial<DataTableProps>, component: typeof DataTable = DataTable): string {
  const table = createElement(component, {
    caption: "Things",
    columns: [
      { id: "name", header: "Name", sortable: true },
      { id: "size", header: "Size" },
    ],
    rows: [],
    empty: "Nothing here.",
    ...props,
  });
  // children go as createElement's third argument; the props type wants them among the props.
  const intl = { locale: "en", messages: en, timeZone: "Asia/Tokyo" } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, table));
}

const rows = Array.from({ length: 12 }, (_, index) => ({
  id: `r${index}`,
  cells: { name: `item ${index + 1}`, size: index },
  sort: { name: `item ${index + 1}` },
}));
const bodyRows = (html: string) => html.match(/<tr class="border-t/g)?.length ?? 0;

describe("DataTable", () => {
  it("draws a table that neither sorts nor pages in the browser as server markup, the same as the browser table would", () => {
    const plain = {
      columns: [
        { id: "name", header: "Name", className: "font-mono" },
        { id: "size", header: "Size" },
      ],
      rows: rows.slice(0, 3),
      serverPaging: { next: { href: "/things?after=r2" } },
    };
    const html = render(plain);
    expect(html).toContain("<caption");
    expect(html).toMatch(/<nav[^>]*><a [^>]*href="[^"]*things\?after=r2"/);
    expect(html).toBe(render(plain, InteractiveTable));
    expect(render({ ...plain, rows: [] })).toBe(render({ ...plain, rows: [] }, InteractiveTable));
  });

  it("shows the empty message instead of a table", () => {
    const html = render({ rows: [] });
    expect(html).toContain("Nothing here.");
    expect(html).not.toContain("<table");
  });

  it("shows every row when it does not page, in a named scroll region with a caption", () => {
    const html = render({ rows });
    expect(bodyRows(html)).toBe(12);
    expect(html).toContain('role="region" aria-label="Things"');
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    expect(html).not.toContain("Page 1");
  });

  it("pages in the browser: the first page and the way to the next", () => {
    const html = render({ rows, pageSize: 5 });
    expect(bodyRows(html)).toBe(5);
    expect(html).toContain("Page 1 of 3");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Previous<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Next<\/button>/);
  });

  it("sorts by the initial sort (numbers within text in order) and marks that header", () => {
    const html = render({ rows, initialSort: { id: "name", desc: true } });
    expect(html).toContain('aria-sort="descending"');
    expect(html.indexOf("item 12")).toBeLessThan(html.indexOf("item 9"));
    expect(html.indexOf("item 9")).toBeLessThan(html.indexOf("item 1<"));
    // Only sortable headers are buttons, with what they do next as their description.
    expect(html).toContain('title="Stop sorting by Name"');
    expect(html.match(/<button/g)).toHaveLength(1);
  });
});
