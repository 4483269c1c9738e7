/**
 * HTML that the server has already rendered and sanitised (post text: src/modules/walls/render.ts).
 * The only place the UI inserts HTML; never pass it anything else.
 */
export function SanitisedHtml({ html, id, className }: { html: string; id?: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the html comes from renderPostBody (markdown-it without HTML + sanitize-html allowlist)
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
