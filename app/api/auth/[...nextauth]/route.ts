import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { withDefaultCsp } from "@/lib/security/headers";

// Auth.js answers with redirects and JSON; they carry the API policy like every other API response.
export const GET = async (request: NextRequest) => withDefaultCsp(await handlers.GET(request));
export const POST = async (request: NextRequest) => withDefaultCsp(await handlers.POST(request));
