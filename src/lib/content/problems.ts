import type { z } from 'astro/zod';
import type { ParsedSource, Position } from './source';

/** One thing wrong with an authored file, shown as `file:line:column message`. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function problemAt(file: string, position: Position, message: string, severity: ContentProblem['severity'] = 'error'): ContentProblem {
  return { file, line: position.line, column: position.column, message, severity };
}

/**
 * Turns zod issues into problems that name the field and point at its line.
 * @example "content/courses/x/course.yaml:7:11 price.amount must be more than 0"
 */
export function schemaProblems(file: string, source: ParsedSource, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(file)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return problemAt(file, source.locate([...issue.path, issue.keys[0] ?? '']), `${field === '(file)' ? '' : `${field}: `}unknown field ${keys}`);
    }
    const missing = valueAt(source.data, issue.path) === undefined && issue.path.length > 0;
    return problemAt(file, source.locate(issue.path), missing ? `${field} is required` : `${field} ${issue.message}`);
  });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`;
}
