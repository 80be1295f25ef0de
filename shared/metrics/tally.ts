/** One school's metrics, fed record by record, so a caller can stream rows and keep only small counters. */
import { parseTerm } from '../term';
import { lastFriday, monthsDue } from './calendar';
import { CourseTally } from './courses';
import type { Values } from './fields';
import { PaperTally } from './papers';
import { PeopleTally } from './people';
import { ProjectTally } from './projects';
import { ReflectionTally } from './reflections';
import type { SchoolSummary } from './schema';
import { IndicatorTally } from './indicators';
import { BUILTIN_DEFINITION } from '../registers/builtin';
import type { RegisterDefinition } from '../registers/schema';

/** What every school of one summary shares. */
export interface TallyContext {
  term: string;
  /** ISO date the figures are as of. */
  asOf: string;
  /** District reflection deadlines (`YYYY-MM` → ISO date); default the month's last Friday. */
  deadlines?: Record<string, string>;
  /** The register definition whose indicators (指标) are evaluated; default the built-in one. */
  definition?: RegisterDefinition;
}

/** A school as the summary lists it. */
export interface SchoolRef {
  code: string;
  name: string;
  type: string;
}

/** Accumulates one school's records of any kinds, in any order; `finish()` gives its summary line. */
export class SchoolTally {
  private readonly people: PeopleTally;
  private readonly reflections: ReflectionTally;
  private readonly papers = new PaperTally();
  private readonly projects: ProjectTally;
  private readonly courses = new CourseTally();
  private readonly reported = new Set<string>();
  private readonly indicators: IndicatorTally;

  constructor(readonly school: SchoolRef, ctx: TallyContext) {
    const info = parseTerm(ctx.term);
    const deadlines = ctx.deadlines ?? {};
    this.people = new PeopleTally(info.start);
    // Asked once per reflection row: each month's deadline worked out once.
    const known = new Map<string, string>();
    const deadlineOf = (m: string) => {
      let d = known.get(m);
      if (d === undefined) known.set(m, (d = deadlines[m] ?? lastFriday(m)));
      return d;
    };
    // A month is due once its deadline has passed (as of the as-of date), not while schools still have time.
    const due = monthsDue(ctx.term, ctx.asOf, deadlineOf);
    this.reflections = new ReflectionTally(due, deadlineOf);
    this.projects = new ProjectTally(ctx.asOf, info.start, info.end);
    this.indicators = new IndicatorTally(ctx.definition ?? BUILTIN_DEFINITION, due, deadlineOf, { asOf: ctx.asOf, termStart: info.start, termEnd: info.end });
  }

  /** One normalised record of a kind. */
  add(kind: string, values: Values): void {
    this.reported.add(kind);
    this.indicators.add(kind, values);
    switch (kind) {
      case 'roster':
        return this.people.add(values);
      case 'reflections':
        return this.reflections.add(values);
      case 'papers':
        return this.papers.add(values);
      case 'projects':
        return this.projects.add(values);
      case 'courses':
        return this.courses.add(values);
    }
  }

  /** The school's summary line. */
  finish(): SchoolSummary {
    const people = this.people.finish();
    return {
      ...this.school,
      reported: [...this.reported],
      teachers: people.teachers,
      under40: people.under40,
      reflections: this.reflections.finish(people),
      papers: this.papers.finish(people),
      projects: this.projects.finish(),
      courses: this.courses.finish(people),
      metrics: this.indicators.finish(people),
    };
  }
}
