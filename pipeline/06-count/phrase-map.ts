/**
 * A Map of phrase counts that is a view of arrays: the phrase of entry j is
 * phrases[ids[j]], its value values[j]. PhraseCounter gives its aggregate's
 * maps (corpus and every group, counts and document frequencies) in this
 * form, because filling millions of Map entries with string keys cost more
 * than all the counting, while the tables only ever walk them. Size and
 * iteration (in entry order, as a Map filled in that order) read the arrays;
 * the hash is filled on the first look-up, and the first change makes the
 * map an ordinary Map. Serialization (structuredClone, v8.serialize) sees
 * the Map's own storage only: copy it (new Map(view)) before sending it.
 */
export class PhraseCountMap extends Map<string, number> {
  /** Whether the Map's own storage holds every entry (after a look-up or a change). */
  private filled = false;
  /** Whether the entries have changed: the arrays no longer describe the map. */
  private changed = false;

  constructor(
    private readonly phrases: readonly string[],
    private readonly ids: Int32Array,
    private readonly vals: Float64Array,
  ) {
    super();
  }

  /** Fill the Map's own storage from the arrays (once). */
  private fill(): void {
    if (this.filled) return;
    this.filled = true;
    const { phrases, ids, vals } = this;
    for (let j = 0; j < ids.length; j++) super.set(phrases[ids[j]], vals[j]);
  }

  override get size(): number {
    return this.changed ? super.size : this.ids.length;
  }

  override get(key: string): number | undefined {
    this.fill();
    return super.get(key);
  }

  override has(key: string): boolean {
    this.fill();
    return super.has(key);
  }

  override set(key: string, value: number): this {
    this.fill();
    this.changed = true;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.fill();
    this.changed = true;
    return super.delete(key);
  }

  override clear(): void {
    this.filled = this.changed = true;
    super.clear();
  }

  override *entries(): MapIterator<[string, number]> {
    if (this.changed) return yield* super.entries();
    const { phrases, ids, vals } = this;
    for (let j = 0; j < ids.length; j++) yield [phrases[ids[j]], vals[j]];
  }

  override *keys(): MapIterator<string> {
    if (this.changed) return yield* super.keys();
    const { phrases, ids } = this;
    for (let j = 0; j < ids.length; j++) yield phrases[ids[j]];
  }

  override *values(): MapIterator<number> {
    if (this.changed) return yield* super.values();
    const { vals } = this;
    for (let j = 0; j < vals.length; j++) yield vals[j];
  }

  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  override forEach(fn: (value: number, key: string, map: Map<string, number>) => void, thisArg?: unknown): void {
    if (this.changed) return super.forEach(fn, thisArg);
    const { phrases, ids, vals } = this;
    for (let j = 0; j < ids.length; j++) fn.call(thisArg, vals[j], phrases[ids[j]], this);
  }

  /** The phrases array the entries' ids point into. */
  get phraseList(): readonly string[] {
    return this.phrases;
  }

  /** Call fn with every entry's id (into the phrases array) and value, in entry order, while the arrays describe the map; false if they no longer do. */
  eachId(fn: (id: number, value: number) => void): boolean {
    if (this.changed) return false;
    const { ids, vals } = this;
    for (let j = 0; j < ids.length; j++) fn(ids[j], vals[j]);
    return true;
  }
}
