import type { PostView } from "../../../src/modules/publishing/presenters.ts";

/** "Satu Mäkelä, Kaakkois-Suomen ELY-keskus, vastuualueen johtaja": the parts there are. */
export function AuthorLine({ author }: { author: PostView["author"] }) {
  const rest = [author.organisation, author.title].filter((part) => part !== "");
  return (
    <span className="post-author">
      <strong>{author.name}</strong>
      {rest.length > 0 && `, ${rest.join(", ")}`}
    </span>
  );
}
