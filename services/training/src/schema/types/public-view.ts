/** The description of `inYourArea` on each of training's own entities. */
export const IN_YOUR_AREA =
  "True: the whole record. False: its public view (a reference outside your area): nullable fields null, lists empty.";
