// How waits poll, and which AWS errors a wait takes as "still waiting".
import { isRetryable, pollDelayMs } from '../../src/aws/poll.js';

test.each([
  [0, 1000],
  [5_000, 1000],
  [20_000, 2000],
  [45_000, 4500],
  [600_000, 5000],
])('after %i ms of waiting the next poll comes in %i ms', (elapsed, delay) => expect(pollDelayMs(elapsed)).toBe(delay));

test.each([
  [{ name: 'ThrottlingException' }, true],
  [{ name: 'TooManyRequestsException' }, true],
  [{ name: 'InternalServerException' }, true],
  [{ name: 'ServiceUnavailableException' }, true],
  [{ name: 'TimeoutError' }, true],
  [{ name: 'Error', $metadata: { httpStatusCode: 503 } }, true],
  [{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }, false],
  [{ name: 'ResourceNotFoundException' }, false],
  [undefined, false],
])('isRetryable(%j) is %s', (err, retry) => expect(isRetryable(err)).toBe(retry));
