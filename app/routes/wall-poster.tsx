import { isAppError } from "../../src/core/errors.ts";
import { shortLink, shortLinkForReading } from "../../src/modules/walls/outputs/short-link.ts";
import { useI18n } from "../ui/i18n.ts";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import outputsCss from "../ui/outputs/outputs.css?url";
import { PrintButton } from "../ui/outputs/PrintButton.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/wall-poster";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: outputsCss }];

/**
 * The wall's poster: anyone who may open the wall may print it; the join code
 * is on it only for the wall's moderators (openBySlug gives it to them alone).
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller, clientIp, publicUrl } = context;
  const { viewer } = services.wallCookies.viewer(caller, request.headers.get("cookie"), clientIp);
  const opened = await load(async () => {
    try {
      return await services.walls.openBySlug(viewer, params.slug);
    } catch (error) {
      // A members-only wall: sign in and come back.
      if (isAppError(error) && error.code === "UNAUTHENTICATED") requireSignIn(request, caller.actor);
      throw error;
    }
  });
  const { wall } = opened;
  return {
    wall: {
      slug: wall.slug,
      title: wall.title,
      description: wall.description,
      anonymousAllowed: wall.anonymousAllowed,
    },
    link: shortLink(publicUrl, wall.slug),
    joinCode: wall.access === "join_code" ? opened.joinCode : null,
    canModerate: opened.canModerate,
  };
}

export default function WallPoster({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { wall, link, joinCode, canModerate } = loaderData;
  const base = `/w/${encodeURIComponent(wall.slug)}`;
  return (
    <div className="stack">
      <title>{`${t("outputs.poster.pageTitle", { title: wall.title })} – ${t("app.name")}`}</title>
      <div className="poster">
        <p className="poster-kicker">{t("outputs.poster.kicker")}</p>
        <PageTitle>{wall.title}</PageTitle>
        {wall.description && <p className="poster-description">{wall.description}</p>}
        <img
          className="poster-qr"
          src={`${base}/qr.svg`}
          alt={t("outputs.poster.qrAlt", { link })}
          width={512}
          height={512}
        />
        <p className="poster-instructions">{t("outputs.poster.instructions")}</p>
        <p className="poster-link">
          <a href={link}>{shortLinkForReading(link)}</a>
        </p>
        {joinCode && (
          <p className="poster-code">
            {t("outputs.poster.joinCode")}
            <strong>{joinCode}</strong>
            {t("outputs.poster.joinCodeHint")}
          </p>
        )}
        <p className="poster-note">
          {t(wall.anonymousAllowed ? "outputs.poster.anonymousAllowed" : "outputs.poster.nameRequired")}
        </p>
      </div>

      <section className="output-tools screen-only" aria-labelledby="poster-tools">
        <Heading level={2} id="poster-tools">
          {t("outputs.tools.title")}
        </Heading>
        <PrintButton label={t("outputs.tools.print")} />
        <span className="field-hint">{t("outputs.tools.printHint")}</span>
        <ul>
          <li>
            <a href={`${base}/qr.png`} download={`qr-${wall.slug}.png`}>
              {t("outputs.tools.qrPng")}
            </a>
          </li>
          <li>
            <a href={`${base}/qr.svg`} download={`qr-${wall.slug}.svg`}>
              {t("outputs.tools.qrSvg")}
            </a>
          </li>
          <li>
            <a href={base}>{t("outputs.tools.openWall")}</a>
          </li>
        </ul>
      </section>

      {canModerate && (
        <section className="output-tools screen-only" aria-labelledby="poster-moderator">
          <Heading level={2} id="poster-moderator">
            {t("outputs.tools.moderatorTitle")}
          </Heading>
          <ul>
            <li>
              <a href={`${base}/summary`}>{t("outputs.tools.summary")}</a>
            </li>
            <li>
              <a href={`${base}/export.xlsx`}>{t("outputs.tools.exportXlsx")}</a>
            </li>
            <li>
              <a href={`${base}/export.csv`}>{t("outputs.tools.exportCsv")}</a>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
