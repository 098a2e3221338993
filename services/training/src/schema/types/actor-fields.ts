/** Beside every step: who did it (the account) and their name then. Both null in a public view. */
export const ACTOR_ID = "The account (token subject) that did this step; null in a public view.";
export const ACTOR_NAME =
  "The display name of whoever did this step, as their token carried it then (the account when it carried none); " +
  "null for steps recorded before names were kept, and in a public view.";
