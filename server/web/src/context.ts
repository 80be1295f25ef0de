/** What every view gets: who is signed in, the chosen term, and whether it is still the view on screen. */
import type { Me } from './types';

/** The per-sign-in state handed to views; thrown away on sign-out (the page reloads). */
export interface Ctx {
  me: Me;
  term: string;
  /** False once the user has moved on, so late answers are dropped instead of drawn over the new view. */
  alive(): boolean;
}

/** A view draws itself into `root`. */
export type View = (ctx: Ctx, root: HTMLElement, arg?: string) => void | Promise<void>;
