import { getTranslations } from "next-intl/server";

/**
 * A ticket's photos as thumbnails that open the full photo, served by the access-checked file
 * route (only the ticket's customer and desk staff may read them; to anyone else they are 404).
 */
export async function RepairPhotos({ title, photos, start = 1 }: { title: string; photos: { fileId: string }[]; start?: number }) {
  const t = await getTranslations("repairs");
  if (photos.length === 0) return null;
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium text-slate-600">{title}</h3>
      <ul className="flex flex-wrap gap-2">
        {photos.map((photo, index) => (
          <li key={photo.fileId}>
            <a
              href={`/api/files/${photo.fileId}`}
              target="_blank"
              rel="noreferrer"
              className="inline-block rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image */}
              <img
                src={`/api/files/${photo.fileId}?variant=thumb`}
                alt={t("photoOpen", { n: start + index })}
                className="h-24 w-24 rounded object-cover"
              />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
