import { describe, expect, it } from 'vitest';
import { errors, toProblem } from './index';

describe('toProblem', () => {
  it('when given an AppError, then it keeps code, status and extensions', () => {
    const { problem } = toProblem(errors.policyViolation(['blackout', 'lead_time']), '/v1/bookings');
    expect(problem).toMatchObject({
      status: 422,
      code: 'policy_violation',
      violations: ['blackout', 'lead_time'],
      instance: '/v1/bookings',
    });
  });

  it('when given an unknown error, then it answers 500 without leaking its message', () => {
    const { problem, appError } = toProblem(new Error('secret connection string'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
    expect(appError.cause).toBeInstanceOf(Error);
  });
});
