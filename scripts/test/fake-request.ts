/**
 * Stands in for `next/headers` in Vitest (there is no Next request there): a cookie jar and
 * request headers that a test sets up and then inspects. Use with
 *   vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
 */
type CookieOptions = Record<string, unknown>;

export const fakeRequest = {
  cookies: new Map<string, { value: string; options?: CookieOptions }>(),
  headers: new Headers(),
  reset(init: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) {
    this.cookies = new Map(Object.entries(init.cookies ?? {}).map(([name, value]) => [name, { value }]));
    this.headers = new Headers(init.headers);
  },
};

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => {
      const cookie = fakeRequest.cookies.get(name);
      return cookie ? { name, value: cookie.value } : undefined;
    },
    getAll: () => [...fakeRequest.cookies].map(([name, cookie]) => ({ name, value: cookie.value })),
    has: (name: string) => fakeRequest.cookies.has(name),
    set: (name: string, value: string, options?: CookieOptions) => {
      fakeRequest.cookies.set(name, { value, options });
    },
    delete: (name: string) => fakeRequest.cookies.delete(name),
  }),
  headers: async () => fakeRequest.headers,
};
