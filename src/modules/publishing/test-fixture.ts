import type { PostInput } from "./inputs.ts";

let counter = 0;

/** A blog post by a guest author in Finnish; `overrides` change any field. */
export function postFor(overrides: Partial<PostInput> = {}): PostInput {
  counter += 1;
  return {
    kind: "blog",
    locale: "fi",
    title: `Allianssilla hyvää palvelua ${counter}`,
    summary: "Maakunnalla on vastuu huolehtia, ettei järjestetä päällekkäisiä palveluita.",
    body: "Päällekkäisyyksien välttämiseksi on ehdotettu **allianssimallia**.\n\nLue lisää [ELY-keskuksesta](https://www.ely-keskus.fi/).",
    tags: ["kasvupalvelut", "allianssi"],
    authorName: "Satu Mäkelä",
    authorOrganisation: "Kaakkois-Suomen ELY-keskus",
    authorTitle: "Elinkeinot, työllisyys ja osaaminen -vastuualueen johtaja",
    ...overrides,
  };
}

/** Rejects with this code and exactly these issue paths; answers the first message. */
export async function refusal(promise: Promise<unknown>, path: string, code = "VALIDATION_FAILED") {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string; message: string }[] } | null;
  if (error?.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(error)}`);
  const paths = error.issues?.map((i) => i.path) ?? [];
  if (paths.join() !== path) throw new Error(`expected the issue on ${path}, got ${paths.join()}`);
  return error.issues?.[0]?.message ?? "";
}
