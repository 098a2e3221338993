/**
 * A table file that cannot be read as a whole (too big, not the format it says, damaged, no header).
 * The message is for the clerk who sent it; an API hands it back as BAD_USER_INPUT on its content field.
 */
export class TableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableFileError";
  }
}
