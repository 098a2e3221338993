/** The description of the optional requestId of every mutation a client may retry. */
export const REQUEST_ID =
  "Your id for this change (e.g. a UUID), optional: a retry with the same requestId returns the first result and writes nothing; the same requestId with other input is a CONFLICT.";
