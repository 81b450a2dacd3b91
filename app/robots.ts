import type { MetadataRoute } from "next";

/**
 * /robots.txt: signed-in areas and the API are not for crawlers. This only keeps honest crawlers
 * out of the index; access is still checked by every page (a disallow line is no protection).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/*/admin", "/*/dealer", "/*/account", "/*/mypage", "/api/"] },
  };
}
