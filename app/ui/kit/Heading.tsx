import type { HTMLAttributes } from "react";

/**
 * The heading scale (kit.css): one h1 per page, given by PageTitle; h2 for the
 * page's sections (FormSection gives one); h3 and h4 inside them. Levels follow
 * the outline, never the look: a smaller heading is a deeper level, not a class.
 */
export function Heading({ level, ...rest }: { level: 2 | 3 | 4 } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return <Tag {...rest} />;
}
