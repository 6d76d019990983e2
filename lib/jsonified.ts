/**
 * What a server value of type T becomes in the browser after Response.json → JSON.parse: dates
 * arrive as ISO 8601 strings, deep inside objects and arrays too. Client components type API
 * answers as `Jsonified<View>` of the view types in lib/<domain>/schemas.ts rather than copying
 * them by hand.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;
