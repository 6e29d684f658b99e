/** Input that cannot be imported: names the file and, where there is one, the line. */
import { AmgiError, formatDeckProblem, type Location } from '../errors.js';

export class InputError extends AmgiError {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly location?: Location,
    readonly hint?: string,
  ) {
    super(formatDeckProblem(file, problem, location, hint), 'INPUT_INVALID');
  }
}
