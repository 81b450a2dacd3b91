/** `node --import tsx --import ./scripts/lib/server-only.ts <script>`: see server-only-hooks.ts. */
import { register } from "node:module";

register("./server-only-hooks.ts", import.meta.url);
