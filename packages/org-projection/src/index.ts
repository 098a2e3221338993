export * from "./units";
export * from "./migration";
export * from "./entity";
export * from "./apply";
export * from "./handlers";
export * from "./subtree.sql";
