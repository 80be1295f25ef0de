/**
 * Where the rows of a district-wide check sit — school, sheet label, Excel row, teacher — in 16 bytes a row: the
 * strings (a few hundred schools and sheets, tens of thousands of teachers) are kept once and numbered, the numbers
 * live in typed arrays. An object and a teacher string per row cost about 80 bytes, for every one of 900k rows.
 */
export class RowRefs {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private cols = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  /** Rows added (ids 0 … size−1). */
  size = 0;

  /** Adds a row; returns its id. */
  add(school: string, sheet: string, row: number, teacher: string): number {
    const id = this.size++;
    if (id >= this.cols[0].length)
      this.cols = this.cols.map((c) => {
        const bigger = new Int32Array(c.length * 2);
        bigger.set(c);
        return bigger;
      });
    this.cols[0][id] = this.intern(school);
    this.cols[1][id] = this.intern(sheet);
    this.cols[2][id] = row;
    this.cols[3][id] = this.intern(teacher);
    return id;
  }

  school(id: number): string {
    return this.strings[this.cols[0][id]];
  }

  sheet(id: number): string {
    return this.strings[this.cols[1][id]];
  }

  row(id: number): number {
    return this.cols[2][id];
  }

  teacher(id: number): string {
    return this.strings[this.cols[3][id]];
  }

  /** Whether two rows are of one school (compared as numbers). */
  sameSchool(a: number, b: number): boolean {
    return this.cols[0][a] === this.cols[0][b];
  }

  /** Whether two rows are of one school and teacher. */
  sameSchoolAndTeacher(a: number, b: number): boolean {
    return this.cols[0][a] === this.cols[0][b] && this.cols[3][a] === this.cols[3][b];
  }

  private intern(s: string): number {
    let n = this.ids.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.ids.set(s, n);
      this.strings.push(s);
    }
    return n;
  }
}
