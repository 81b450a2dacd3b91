import { Fragment } from "react";

// http(s) addresses only; a trailing full stop, comma or bracket belongs to the sentence.
const URL_PATTERN = /https?:\/\/[^\s<>"'「」『』（）【】、。，！？]+/g;
const TRAILING = /[.,;:!?)\]}]+$/;

/** Split text into plain parts and http(s) links (pure, for tests). */
export function linkParts(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const url = raw.replace(TRAILING, "");
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    let href: string | undefined;
    try {
      href = new URL(url).protocol.startsWith("http") ? url : undefined;
    } catch {
      href = undefined;
    }
    parts.push(href ? { text: url, href } : { text: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * A message's text with its web addresses clickable. Never HTML: React escapes every part, and only
 * http(s) addresses become links, opened in a new tab without access to this page.
 */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="break-all underline">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
