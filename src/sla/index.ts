export * from "./calendar.js";
export * from "./deadlines.js";
export * from "./format.js";
