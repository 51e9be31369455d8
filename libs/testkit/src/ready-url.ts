/**
 * The gateway's URL from the platform's `[platform] ready in 7.7 s on http://localhost:41234` line.
 * Tests start the platform on PORT=0 and read the port it bound: a port picked beforehand and
 * released could be handed to the platform's own Kafka before the gateway listens on it.
 */
export function readyUrl(output: string): string | undefined {
  const port = /\[platform\] ready in [\d.]+ s on http:\/\/localhost:(\d+)/.exec(output)?.[1];
  return port && `http://127.0.0.1:${port}`;
}

/**
 * A service's URL from its `<name> started` log line (JSON, with the `url` it bound): start a
 * service process on port 0 and read where it listens, rather than pick a port and release it.
 */
export function startedUrl(name: string): (output: string) => string | undefined {
  return (output) => {
    const line = output.split('\n').find((l) => l.includes(`"msg":"${name} started"`));
    return line && /"url":"([^"]+)"/.exec(line)?.[1];
  };
}
