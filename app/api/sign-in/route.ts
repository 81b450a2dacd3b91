import { getPathname } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { ZSignInSchema } from "@/lib/auth/schemas";
import { signInDestination } from "@/lib/auth/safe-redirect";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { defineRoute, LOCALE_HEADER, readJson } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Password sign-in for the sign-in form: `{ next }`, the page to open, with the session cookie.
 * A route handler rather than a server action (decision 0015): an action that redirects renders
 * the next page into its own answer (My Page's whole tree, ~130 KB, most of a sign-in's time);
 * here the answer is a few bytes and the browser then opens the page itself.
 * Cross-site posts are refused for every path in proxy.ts; throttling, audit and the same answer
 * for unknown emails and wrong passwords are in signInWithPassword.
 */
export const POST = defineRoute({ public: true }, async (request) => {
  const input = await readJson(request, ZSignInSchema);
  const requested = request.headers.get(LOCALE_HEADER);
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const outcome = await signInWithPassword(input);
  const href = outcome.next === "secondFactor" ? "/signin/second-factor" : signInDestination(outcome.role, input.callbackUrl);
  return Response.json({ next: getPathname({ href, locale }) }, { headers: { "Cache-Control": "no-store" } });
});
