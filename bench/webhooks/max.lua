-- wrk script for bench/webhooks.sh's max run: poses as Hamsa, each request a new transcription.update for one
-- of the bench's calls (round robin), with that call's Authorization. Arguments: the targets file
-- (url TAB authorization TAB hamsaCallId TAB agentId per line) and, optionally, a rate in events/s for all
-- threads together and wrk's thread count: each thread then sends on its own fixed grid (a connection that comes free waits for the
-- next slot), a second opinion on the rate run without a JVM generator on the same cores. Unlike
-- WebhookLoad.java it counts latency from the send, not from the slot: a stall longer than the connections can
-- cover delays sends, and that delay is not in the figures. Prints a RESULT line like WebhookLoad.java's.
local targets = {}
local threads = {}
local counter = 0
local thread_id = 0
local interval_ms = nil
local next_slot = nil

local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *ts);
]]
local clock_now = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock_now) -- CLOCK_MONOTONIC
  return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1e6
end

local function load(path)
  local list = {}
  for line in io.lines(path) do
    local url, auth, job, agent = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
    local path_part = url:match("^https?://[^/]+(/.*)$")
    list[#list + 1] = {path = path_part, auth = auth, job = job, agent = agent}
  end
  return list
end

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  targets = load(args[1])
  counter = 0
  if args[2] then
    -- this thread's share of the rate (args[3]: wrk's thread count), on its own grid
    interval_ms = 1000 * tonumber(args[3] or 1) / tonumber(args[2])
  end
end

function delay()
  if not interval_ms then
    return 0
  end
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  next_slot = next_slot + interval_ms
  local wait = next_slot - now
  return wait > 0 and wait or 0
end

function request()
  counter = counter + 1
  local t = targets[(counter % #targets) + 1]
  local index = id * 100000000 + counter
  local ts = os.date("!%Y-%m-%dT%H:%M:%S") .. string.format(".%03dZ", counter % 1000)
  local text = "Bench line " .. index .. " " .. string.rep("x", 400)
  local body = '{"eventType":"transcription.update","callId":"' .. t.job .. '","timestamp":"' .. ts
    .. '","projectId":"proj_simulator","agentId":"' .. t.agent .. '","agentName":"Bench agent","data":{"timestamp":"'
    .. ts .. '","data":{"speaker":"Agent","text":"' .. text .. '","index":' .. index .. '}}}'
  return wrk.format("POST", t.path, {["Content-Type"] = "application/json", ["Authorization"] = t.auth}, body)
end

function done(summary, latency, requests)
  local non200 = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local acked = summary.requests - non200 - errors
  local seconds = summary.duration / 1e6
  io.write(string.format("[wrk]   sent %d, acknowledged (2xx) %d, non-2xx %d, socket errors %d\n",
    summary.requests, acked, non200, errors))
  io.write(string.format("[wrk]   %.1f acknowledged events/s\n", acked / seconds))
  io.write(string.format("[wrk]   acknowledgement latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("RESULT ackps=%.1f p50=%.2f p99=%.2f p999=%.2f total_acked=%d total_duplicates=0 sent=%d acked=%d non200=%d errors=%d never_sent=0\n",
    acked / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    acked, summary.requests, acked, non200, errors))
end
