import "server-only";
import { env } from "@/lib/env";
import { secretBox } from "./secret-box";

const box = secretBox(env.AUTH_SECRET);
export const sealSecret = box.seal;
export const openSecret = box.open;
