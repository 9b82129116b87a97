-- GET /api/v1/users/:id over random existing ids (BENCH_MIN_ID..BENCH_MAX_ID).
local min_id = tonumber(os.getenv("BENCH_MIN_ID"))
local max_id = tonumber(os.getenv("BENCH_MAX_ID"))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/v1/users/" .. math.random(min_id, max_id))
end
