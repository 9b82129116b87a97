-- POST /api/v1/users with an email no other request of this run uses.
local run = os.getenv("BENCH_RUN_ID")
local counter = 0
local thread_tag = 0

function setup(thread)
  thread_tag = thread_tag + 1
  thread:set("tag", thread_tag)
end

-- wrk.format replaces wrk.headers (where -H puts the API key) with the table it is given: merge them.
local headers = { ["Content-Type"] = "application/json" }
for name, value in pairs(wrk.headers) do
  headers[name] = value
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"Bench User %d","email":"bench-%s-%d-%d@example.com"}', counter, run, tag, counter)
  return wrk.format("POST", "/api/v1/users", headers, body)
end
