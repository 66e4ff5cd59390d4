#!/usr/bin/env python3
"""The one-at-a-time judge client a researcher would otherwise use: the benchmark's evaluation loop asks the
judge about one response, waits for the answer, then asks about the next. Same requests as bench_judge (the
image as a base64 data URL, the prompt, temperature 0), over one kept-alive connection, so the comparison is
about concurrency only. Prints one JSON line: {"requests": N, "seconds": S, "per_second": R}."""

import argparse
import base64
import http.client
import json
import os
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--images", required=True, help="folder of the benchmark images (0.png, 1.png, ...)")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()

    url = urllib.parse.urlparse(args.base_url.rstrip("/") + "/chat/completions")
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    start = time.perf_counter()
    for i in range(args.requests):
        with open(os.path.join(args.images, f"{i}.png"), "rb") as f:
            image = base64.b64encode(f.read()).decode("ascii")
        body = {
            "model": "bench",
            "temperature": 0,
            "max_tokens": 400,
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": f"peer question {i} answer {i}"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64," + image}},
            ]}],
        }
        connection.request("POST", url.path, json.dumps(body), {"Content-Type": "application/json"})
        reply = connection.getresponse()
        data = json.loads(reply.read())
        content = data["choices"][0]["message"]["content"]
        json.loads(content)
    seconds = time.perf_counter() - start
    print(json.dumps({"requests": args.requests, "seconds": seconds, "per_second": args.requests / seconds}))


if __name__ == "__main__":
    main()
