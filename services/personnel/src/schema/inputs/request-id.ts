/** The description of every mutation input's requestId. */
export const REQUEST_ID =
  "Your id for this change (e.g. a UUID): a retry with the same requestId returns the first result and writes nothing.";
