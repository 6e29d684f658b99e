/**
 * Other spellings of a Docker CLI flag answer that the CLI takes as the same flag: `--flag=value`
 * for `--flag value`, the documented short form, and the command itself before the flag
 * (`docker run -p 8081:80`). Only for a command the question names: a short flag means different
 * things in different commands (`-m` is `--memory` for `docker run`, `--message` for `docker
 * commit`), and Dockerfile flags take only `=` (`COPY --from=build`), so nothing here applies
 * without a command in the question. A question that names the short form itself ("the long
 * name of `-t`") does not accept it.
 */

interface CliFlag {
  long: string;
  short?: string;
  /** Whether it takes a value (`--memory 512m`) or is a switch (`--all`). */
  value: boolean;
  commands: readonly string[];
  /** Keys of its `key=value,…` value that name a file on the client, relative to where it runs. */
  pathKeys?: readonly string[];
}

/** A command and its other names (docs.docker.com: `docker run` is `docker container run`). */
const COMMANDS: readonly (readonly string[])[] = [
  ['docker run', 'docker container run'],
  ['docker create', 'docker container create'],
  ['docker exec', 'docker container exec'],
  ['docker ps', 'docker container ls', 'docker container list', 'docker container ps'],
  ['docker stop', 'docker container stop'],
  ['docker build', 'docker image build', 'docker buildx build'],
  ['docker import', 'docker image import'],
  ['docker network create'],
];

const RUN = ['docker run', 'docker create'];

/**
 * The flags of the bundled decks' answers, each pair as the command's docs.docker.com reference
 * lists it ("-m, --memory", "-p, --publish", "-e, --env", "-a, --all", "-t, --timeout",
 * "-c, --change", "-d, --driver"); keep it to flags the decks ask.
 */
const FLAGS: readonly CliFlag[] = [
  { long: '--publish', short: '-p', value: true, commands: RUN },
  { long: '--env', short: '-e', value: true, commands: [...RUN, 'docker exec'] },
  { long: '--memory', short: '-m', value: true, commands: RUN },
  { long: '--all', short: '-a', value: false, commands: ['docker ps'] },
  { long: '--timeout', short: '-t', value: true, commands: ['docker stop'] },
  { long: '--change', short: '-c', value: true, commands: ['docker import'] },
  { long: '--driver', short: '-d', value: true, commands: ['docker network create'] },
  { long: '--build-arg', value: true, commands: ['docker build'] },
  { long: '--platform', value: true, commands: ['docker build'] },
  // "src, source: Secret filename" (docs.docker.com, docker buildx build --secret).
  { long: '--secret', value: true, commands: ['docker build'], pathKeys: ['src', 'source'] },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A token standing alone in a text: `docker run` in `docker run 옵션은?`, not in `docker runtime`. */
const tokenPattern = (tokens: readonly string[]) => new RegExp(`(^|[^\\w-])(${tokens.map(escapeRegExp).join('|')})(?![\\w-])`, 'i');
const mentions = (text: string, token: string) => tokenPattern([token]).test(text);
// Compiled once: questions are built for every typed card of a session.
const COMMAND_PATTERNS = COMMANDS.map((names) => ({ name: names[0]!, pattern: tokenPattern(names) }));
const ANY_COMMAND = tokenPattern(COMMANDS.flat());

/** The commands the question names, each as its first (canonical) name. */
function namedCommands(prompt: string): string[] {
  if (!ANY_COMMAND.test(prompt)) return [];
  return COMMAND_PATTERNS.filter((c) => c.pattern.test(prompt)).map((c) => c.name);
}

/**
 * A value with its relative paths written both ways: `src=./token.txt` and `src=token.txt` name
 * the same file. An absolute path (`/token.txt`) or a parent (`../`) is another file.
 */
function pathForms(value: string, keys: readonly string[]): string[] {
  const parts = value.split(',');
  // The other spelling of a path relative to the working directory; none for `/x`, `../x`, `~/x`, `$X`.
  const relative = (p: string): string | undefined => {
    if (p.startsWith('./')) return p.slice(2);
    return p && !/^[/.~$]/.test(p) ? `./${p}` : undefined;
  };
  const other = parts.map((part) => {
    const at = part.indexOf('=');
    const alt = at > 0 && keys.includes(part.slice(0, at)) ? relative(part.slice(at + 1)) : undefined;
    return alt === undefined ? part : `${part.slice(0, at + 1)}${alt}`;
  });
  const spelled = other.join(',');
  return spelled === value ? [value] : [value, spelled];
}

/** One flag word (with its value, when it takes one) in every spelling the CLI accepts. */
function spellings(flag: CliFlag, value: string | undefined, prompt: string): string[] {
  const names = [flag.long, ...(flag.short && !mentions(prompt, flag.short) ? [flag.short] : [])];
  if (value === undefined) return names;
  const values = flag.pathKeys ? pathForms(value, flag.pathKeys) : [value];
  return names.flatMap((n) => values.flatMap((v) => (n.startsWith('--') ? [`${n} ${v}`, `${n}=${v}`] : [`${n} ${v}`])));
}

/** A form's words as slots of alternatives: a known flag (and its value) becomes all its spellings. */
function slots(form: string, flags: readonly CliFlag[], prompt: string): string[][] {
  const words = form.trim().split(/\s+/);
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [name, attached] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const flag = flags.find((f) => f.long === name || (f.short === name && attached === undefined));
    if (!flag || (!flag.value && attached !== undefined)) {
      out.push([word]);
      continue;
    }
    let value = attached;
    if (flag.value && value === undefined) {
      const next = words[i + 1];
      if (next === undefined || next.startsWith('-')) {
        out.push(spellings(flag, undefined, prompt));
        continue;
      }
      value = next;
      i++;
    }
    out.push(spellings(flag, value, prompt));
  }
  return out;
}

/** At most this many spellings per form: a card's answer holds a flag or two. */
const MAX_SPELLINGS = 32;

/**
 * The accepted answers with the spellings the CLI takes as the same, for the commands the
 * question names. Without such a command the forms come back unchanged.
 */
export function cliFlagForms(forms: readonly string[], prompt: string): string[] {
  const commands = namedCommands(prompt);
  if (!commands.length) return flagValueForms(forms, prompt);
  const flags = FLAGS.filter((f) => f.commands.some((c) => commands.includes(c)));
  const out = new Set(forms);
  for (const form of forms) {
    let spelled = [''];
    for (const alternatives of slots(form, flags, prompt)) {
      spelled = spelled.flatMap((head) => alternatives.map((a) => (head ? `${head} ${a}` : a))).slice(0, MAX_SPELLINGS);
    }
    for (const s of spelled) out.add(s);
    // A flag answer typed with its command in front: `docker run -p 8081:80`.
    if (!form.trim().startsWith('-')) continue;
    for (const names of COMMANDS.filter((n) => commands.includes(n[0]!))) for (const name of names) for (const s of spelled) out.add(`${name} ${s}`);
  }
  return flagValueForms([...out], prompt);
}

const LONG_FLAG = /(?:^|[^\w-])(--[a-z][a-z-]*[a-z])(?![\w=-])/g;
/** Right after the flag, words that ask for its value: `--restart 값은?`, `--network에 무엇을 주나?`, `--restart value`. */
const ASKS_VALUE = /^\s*(?:값|옵션\s*값|에\s*(?:무엇|뭘|무슨|어떤)|(?:option\s+)?value)/i;

/**
 * A value typed with the flag the question asks it for ("--restart 값은?" → `--restart
 * on-failure:5`, `--restart=on-failure:5`), as the CLI takes either. Only when the question names
 * one long flag and the answer is one word that is not a flag itself.
 */
function flagValueForms(forms: readonly string[], prompt: string): string[] {
  const found = [...prompt.matchAll(LONG_FLAG)];
  const flags = new Set(found.map((m) => m[1]!));
  if (flags.size !== 1) return [...forms];
  const [flag] = flags;
  // Only a question that asks for the flag's value: a flag named in passing (`docker run --foo`
  // in a question about exit codes, `--init` in one about tini) must not make `--foo 125` right.
  if (!found.some((m) => ASKS_VALUE.test(prompt.slice(m.index! + m[0].length)))) return [...forms];
  const values = forms.filter((f) => /^[^\s-]\S*$/.test(f.trim()));
  return [...new Set([...forms, ...values.flatMap((v) => [`${flag} ${v.trim()}`, `${flag}=${v.trim()}`])])];
}
