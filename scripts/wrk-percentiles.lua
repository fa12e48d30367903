-- Prints the percentiles wrk's --latency report leaves out (p95 among them), in milliseconds.
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, requests/s %.0f\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
