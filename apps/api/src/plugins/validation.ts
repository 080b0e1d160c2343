/**
 * Request validation. Bodies are checked strictly (no type coercion: a JSON
 * string is never silently turned into a number); query strings and path
 * parameters are text by nature, so they are coerced.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FieldProblem } from '../core/errors.ts';

// verbose: errors carry their schema, so a schema's `errorMessage` can replace Ajv's wording.
const common = { removeAdditional: true, useDefaults: true, allErrors: false, strict: false, verbose: true } as const;
const bodyAjv = new Ajv({ ...common, coerceTypes: false });
const textAjv = new Ajv({ ...common, coerceTypes: true });

export function installValidators(app: FastifyInstance): void {
  app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    return ajv.compile(schema as object);
  });
}

/** Turns Ajv errors into "which field, what is wrong", the shape every error body uses. */
export function describeValidationErrors(errors: ErrorObject[] | Partial<ErrorObject>[]): FieldProblem[] {
  return errors.map((error) => {
    const path = (error.instancePath ?? '').split('/').filter(Boolean);
    const params = (error.params ?? {}) as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      return { field: [...path, params.missingProperty].join('.'), message: 'is required' };
    }
    if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return { field: [...path, params.additionalProperty].join('.'), message: 'is not allowed' };
    }
    const custom = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
    const message = typeof custom === 'string' ? custom : (error.message ?? 'is invalid');
    return { field: path.join('.') || '(root)', message };
  });
}
