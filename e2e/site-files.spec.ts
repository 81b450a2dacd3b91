import { expect, test } from "./fixtures";

/** Issue 9 item 11: the icons, the web manifest and robots.txt are served, and a page load has no 404. */
const FILES = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)/ },
  { path: "/icon.svg", type: /^image\/svg\+xml/ },
  { path: "/apple-icon.png", type: /^image\/png/ },
  { path: "/icon-192.png", type: /^image\/png/ },
  { path: "/icon-512.png", type: /^image\/png/ },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json/ },
  { path: "/robots.txt", type: /^text\/plain/ },
];

for (const file of FILES) {
  test(`${file.path} is served with its content type`, async ({ request }) => {
    const response = await request.get(file.path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(file.type);
    expect((await response.body()).length).toBeGreaterThan(0);
  });
}

test("the web manifest names the portal in Japanese with its colours and icons", async ({ request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({
    name: "オーナーズポータル",
    short_name: "オーナーズポータル",
    lang: "ja",
    start_url: "/ja",
    theme_color: "#1d5fbf",
  });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("robots.txt keeps crawlers out of the signed-in areas and the API", async ({ request }) => {
  const text = await (await request.get("/robots.txt")).text();
  for (const path of ["/*/admin", "/*/dealer", "/*/account", "/*/mypage", "/api/"]) expect(text).toContain(`Disallow: ${path}`);
  expect(text).toContain("Allow: /");
});

test("a page links its icons and manifest, and loading it logs no 404", async ({ page, request }) => {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(message.text());
  });
  await page.goto("/ja");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const links = await page
    .locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]')
    .evaluateAll((elements) => elements.map((element) => `${element.getAttribute("rel")} ${element.getAttribute("href")}`));
  for (const rel of ["icon", "apple-touch-icon", "manifest"])
    expect(
      links.some((link) => link.startsWith(`${rel} `)),
      rel,
    ).toBe(true);
  for (const link of links) expect((await request.get(link.split(" ")[1]!)).status(), link).toBe(200);
  // The browser asks for /favicon.ico on its own when a page declares none; it must be there too.
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  expect(failures).toEqual([]);
});
