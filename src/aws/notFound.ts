import { awsErrorName } from '../errors.js';

/** Resolves to undefined when AWS answers that the resource does not exist; rethrows anything else. */
export async function orUndefined<T>(
  request: Promise<T>,
  notFound: readonly string[] = ['NotFoundException'],
): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (notFound.includes(awsErrorName(err) ?? '')) return undefined;
    throw err;
  }
}
