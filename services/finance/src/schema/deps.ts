import type { FinanceServices } from "../domain/ports";
import type { LoadersOf } from "./loaders";

/** What every resolver class gets through its constructor: the services and the per-request loaders. */
export interface SchemaDeps {
  services: FinanceServices;
  loaders: LoadersOf;
}
