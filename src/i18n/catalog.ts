/** A language's texts for a set of keys; every module's sv and en must have all of its fi keys. */
export type Catalog<Key extends string> = Record<Key, string>;
